/**
 * Whether a request reached us over HTTPS, for the `Secure` flag of the cookies we set. `next start`
 * speaks plain HTTP, so HTTPS means a TLS-terminating proxy in front, which says so in
 * `X-Forwarded-Proto` — a header any client can also send. So it counts only where the deployment
 * says a proxy is in front and overwrites it: `TRUST_PROXY=1` (on by default on Vercel, whose edge
 * always sets it). Without that, only `next dev --experimental-https` (TLS in Next itself) is HTTPS.
 */
type Env = Readonly<Record<string, string | undefined>>;

interface HeaderReader {
  get(name: string): string | null;
}

export function trustsProxy(env: Env = process.env): boolean {
  const setting = env.TRUST_PROXY?.trim().toLowerCase();
  if (setting) return ['1', 'true', 'yes', 'on'].includes(setting);
  return env.VERCEL === '1';
}

export function isSecureRequest(headers: HeaderReader, env: Env = process.env): boolean {
  if (trustsProxy(env)) {
    // The proxy closest to us appends last; a client-sent value comes first.
    const proto = headers.get('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase();
    return proto === 'https';
  }
  return env.__NEXT_EXPERIMENTAL_HTTPS === '1';
}
