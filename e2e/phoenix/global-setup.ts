import { phoenixUrl } from './phoenix-api';

/** Fails fast, with a clear message, when the Phoenix to test against is missing or not healthy. */
export default async function globalSetup(): Promise<void> {
  const url = phoenixUrl();
  if (!url) throw new Error('PHOENIX_TEST_URL is not set: start a Phoenix (e.g. `phoenix serve`) and set PHOENIX_TEST_URL=http://127.0.0.1:6006');
  const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) }).then(
    (r) => r.status,
    (error: unknown) => `unreachable (${(error as Error).message})`,
  );
  if (health !== 200) throw new Error(`Phoenix at ${url} is not healthy: GET /healthz → ${health}`);
  const version = await fetch(`${url}/arize_phoenix_version`).then((r) => r.text(), () => '?');
  console.log(`[phoenix] testing against Arize Phoenix ${version} at ${url}`);
}
