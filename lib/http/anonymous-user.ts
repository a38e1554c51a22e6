/**
 * A stable anonymous user id (`user.id` on spans), kept in an http-only cookie: no login, nothing
 * personal, but Phoenix can group a browser's sessions, and feedback tokens are bound to it. A missing
 * or malformed cookie gets a new id. `secure`: see secure-request.ts (X-Forwarded-Proto only with TRUST_PROXY).
 */
export const USER_COOKIE = 'tc_uid';
const ONE_YEAR_S = 365 * 24 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface AnonymousUser {
  userId: string;
  /** A `Set-Cookie` value when the id is new. */
  setCookie?: string;
}

export function anonymousUser(cookieHeader: string | null, secure: boolean): AnonymousUser {
  const existing = readCookie(cookieHeader, USER_COOKIE);
  if (existing && UUID.test(existing)) return { userId: existing };
  const userId = crypto.randomUUID();
  return { userId, setCookie: userCookie(userId, secure) };
}

export function isAnonymousUserId(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}

export function userCookie(userId: string, secure: boolean): string {
  return `${USER_COOKIE}=${userId}; Path=/; Max-Age=${ONE_YEAR_S}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function readCookie(header: string | null, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
