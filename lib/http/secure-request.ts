/**
 * Whether a request reached us over HTTPS, for the `Secure` flag of the cookies we set. `next start`
 * speaks plain HTTP, so HTTPS means a TLS-terminating proxy in front, which says so in
 * `X-Forwarded-Proto` — a header any client can also send. So it counts only where the deployment
 * says a proxy is in front and overwrites it: `TRUST_PROXY=1` (on by default on Vercel, whose edge
 * always sets it). Without that, only `next dev --experimental-https` (TLS in Next itself) is HTTPS.
 */
import type { AppConfig } from '@/lib/config/config-types';
import { appConfig } from '@/lib/config/app-config';

interface HeaderReader {
  get(name: string): string | null;
}

export function isSecureRequest(headers: HeaderReader, config: Pick<AppConfig, 'http'> = appConfig()): boolean {
  // TRUST_PROXY (a boolean; default on where VERCEL=1), resolved by lib/config.
  if (config.http.trustProxy) {
    // The proxy closest to us appends last; a client-sent value comes first.
    const proto = headers.get('x-forwarded-proto')?.split(',').at(-1)?.trim().toLowerCase();
    return proto === 'https';
  }
  return config.http.experimentalHttps;
}
