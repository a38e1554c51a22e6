/** The parts of an HTTP request the inspector's access policy looks at. */
import { INSPECTOR_COOKIE, type AccessRequest } from './inspector-access';

interface HeaderReader {
  get(name: string): string | null;
}
interface CookieReader {
  get(name: string): { value: string } | undefined;
}

export function accessRequestOf(headers: HeaderReader, cookies: CookieReader, queryToken: string | null): AccessRequest {
  return {
    host: headers.get('host'),
    forwardedFor: headers.get('x-forwarded-for'),
    forwardedHost: headers.get('x-forwarded-host'),
    forwarded: headers.get('forwarded'),
    queryToken,
    cookieToken: cookies.get(INSPECTOR_COOKIE)?.value ?? null,
  };
}
