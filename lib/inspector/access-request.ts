/** The parts of an HTTP request the inspector's access policy looks at. */
import { INSPECTOR_COOKIE, type AccessRequest } from './inspector-access';
import { listeningAddresses } from './listen-addresses';

interface HeaderReader {
  get(name: string): string | null;
}
interface CookieReader {
  get(name: string): { value: string } | undefined;
}

export function accessRequestOf(headers: HeaderReader, cookies: CookieReader, options: { queryToken?: string | null; postedToken?: string | null } = {}): AccessRequest {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  return {
    host: headers.get('host'),
    forwardedFor: headers.get('x-forwarded-for'),
    forwardedHost: headers.get('x-forwarded-host'),
    forwarded: headers.get('forwarded'),
    realIp: headers.get('x-real-ip'),
    queryToken: options.queryToken ?? null,
    headerToken: options.postedToken ?? bearer ?? null,
    cookieToken: cookies.get(INSPECTOR_COOKIE)?.value ?? null,
    // Read only by the `local` policy: walking the process's open handles is not free, so on demand.
    get listenAddresses() {
      return listeningAddresses();
    },
  };
}
