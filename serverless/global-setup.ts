import { startReceiver } from '../receiver/api';
import { SERVERLESS } from './playwright.config';

/** The OTLP receiver every harness exports to (protobuf, Bearer key, as Phoenix); stopped at the end. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The receiver wants its key on reads too; the specs' receiver client (http-client.ts) sends this.
  process.env.RECEIVER_API_KEY = SERVERLESS.apiKey;
  const receiver = await startReceiver({ port: Number(new URL(SERVERLESS.receiverUrl).port), apiKey: SERVERLESS.apiKey });
  return () => receiver.close();
}
