/**
 * Who may talk to the receiver, decided per request before anything is read or stored:
 * - `Host` must name this machine (127.0.0.0/8, localhost, [::1]), the host it was bound to, or one
 *   of `allowedHosts` (`RECEIVER_ALLOWED_HOSTS`): a web page the developer visits cannot reach the
 *   receiver through DNS rebinding (its requests carry the attacker's host name) → 403.
 * - With an API key, every route except `GET /health` needs `Authorization: Bearer <key>` (compared
 *   in constant time) → 401 otherwise. Reads leak every prompt and answer, so they need it as much as
 *   exports do.
 * Request records keep no credentials: `storedHeaders` drops authorization, cookies, API-key and
 * token headers, whatever their exact name.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface AccessRules {
  apiKey?: string;
  /** Host names (no port) accepted besides loopback names; `*` accepts any Host. */
  allowedHosts?: readonly string[];
  /** The address the receiver listens on: accepted as a Host name too, unless it is a wildcard. */
  boundHost?: string;
}

export type AccessRefusal = { status: 401 | 403; message: string };

export function checkAccess(rules: AccessRules, method: string, path: string, host: string | undefined, authorization: string | undefined): AccessRefusal | undefined {
  if (!isAllowedHost(host, rules)) {
    return { status: 403, message: `Host "${host ?? ''}" is not this receiver's (allowed: loopback names${rules.allowedHosts?.length ? `, ${rules.allowedHosts.join(', ')}` : ''}; see RECEIVER_ALLOWED_HOSTS)` };
  }
  if (method === 'GET' && path === '/health') return undefined;
  if (rules.apiKey && !bearerMatches(authorization, rules.apiKey)) {
    return { status: 401, message: 'missing or invalid API key (expected Authorization: Bearer <key>)' };
  }
  return undefined;
}

/** `Bearer <key>`, compared in time independent of the key's content (both sides hashed first). */
export function bearerMatches(authorization: string | undefined, apiKey: string): boolean {
  const given = createHash('sha256').update(authorization ?? '').digest();
  const expected = createHash('sha256').update(`Bearer ${apiKey}`).digest();
  return timingSafeEqual(given, expected);
}

export function isAllowedHost(host: string | undefined, rules: Pick<AccessRules, 'allowedHosts' | 'boundHost'> = {}): boolean {
  if (!host) return false;
  const name = hostName(host);
  if (name === undefined) return false;
  if (isLoopbackName(name)) return true;
  const allowed = (rules.allowedHosts ?? []).map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  if (allowed.includes('*')) return true;
  const bound = rules.boundHost ? hostName(rules.boundHost) : undefined;
  if (bound && !['0.0.0.0', '::', '[::]'].includes(bound) && bound === name) return true;
  return allowed.map((entry) => hostName(entry) ?? entry).includes(name);
}

/** The host name of a Host header (lowercased, without port; IPv6 in brackets); undefined when malformed. */
export function hostName(host: string): string | undefined {
  const value = host.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^\s:/@[\]]+)(?::\d{1,5})?$/.exec(value);
  if (match) return match[1];
  // A bare IPv6 address (as in a bind address), no port.
  return /^[0-9a-f:.]+$/.test(value) && value.includes(':') ? `[${value}]` : undefined;
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}

const SECRET_HEADER = /authorization|cookie|api[-_]?key|token|secret|password|session/i;

/** The headers worth keeping about an export: everything but credentials. */
export function storedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || SECRET_HEADER.test(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return kept;
}
