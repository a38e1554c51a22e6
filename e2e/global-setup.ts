import { E2E } from '../playwright.config';
import { startReceiver } from '../receiver/api';

/** Starts the Phoenix-like OTLP receiver the app exports to; the returned function stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // The receiver wants its key on reads too; the specs' receiver client (http-client.ts) sends this.
  process.env.RECEIVER_API_KEY = E2E.apiKey;
  const receiver = await startReceiver({ port: Number(new URL(E2E.receiverUrl).port), apiKey: E2E.apiKey });
  return () => receiver.close();
}
