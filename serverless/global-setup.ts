import { startReceiver } from '../e2e/receiver/receiver-server';
import { SERVERLESS } from './playwright.config';

/** The OTLP receiver every harness exports to (protobuf, Bearer key, as Phoenix); stopped at the end. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const receiver = await startReceiver({ port: Number(new URL(SERVERLESS.receiverUrl).port), apiKey: SERVERLESS.apiKey });
  return () => receiver.close();
}
