import { E2E } from '../playwright.config';
import { startReceiver } from './receiver/receiver-server';

/** Starts the Phoenix-like OTLP receiver the app exports to; the returned function stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const receiver = await startReceiver({ port: Number(new URL(E2E.receiverUrl).port), apiKey: E2E.apiKey });
  return () => receiver.close();
}
