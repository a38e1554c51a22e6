/** The parts of an HTTP request the inspector's access policy looks at. */
import { FORWARDING_HEADERS, INSPECTOR_COOKIE, type AccessRequest } from './inspector-access';

interface HeaderReader {
  get(name: string): string | null;
}
interface CookieReader {
  get(name: string): { value: string } | undefined;
}

export function accessRequestOf(headers: HeaderReader, cookies: CookieReader, queryToken: string | null): AccessRequest {
  return {
    host: headers.get('host'),
    forwarded: FORWARDING_HEADERS.some((name) => headers.get(name) !== null),
    queryToken,
    cookieToken: cookies.get(INSPECTOR_COOKIE)?.value ?? null,
  };
}
