/**
 * Who may open the trace inspector (`/traces`), decided from the environment and the request alone
 * (a pure function, shared by proxy.ts and the pages):
 * - `TRACE_INSPECTOR` unset: on under `next dev` (NODE_ENV=development), off otherwise — so no
 *   production deploy exposes traces by default.
 * - `TRACE_INSPECTOR=0`: off everywhere. Off answers 404.
 * - `TRACE_INSPECTOR=1`: on, but only with `TRACE_INSPECTOR_TOKEN` (≥ 16 characters; without one it
 *   stays off): the first visit carries `?token=…`, which is swapped for an http-only cookie;
 *   requests with neither get 401.
 * - `TRACE_INSPECTOR=local`: on for requests addressed to a loopback host (Host and any
 *   X-Forwarded-Host 127.0.0.1, localhost or [::1]) from a loopback client (every X-Forwarded-For
 *   address, which Next sets to the socket's peer, is loopback; no RFC 7239 Forwarded header);
 *   404 otherwise. For a server bound to 127.0.0.1, as `npm run demo` runs it; the Host check also
 *   defeats DNS rebinding.
 */
export type InspectorMode = 'off' | 'open' | 'token' | 'local';

export interface InspectorPolicy {
  mode: InspectorMode;
  /** Set in `token` mode. */
  token?: string;
  /** Why the inspector is off although it was asked for. */
  problem?: string;
}

export interface AccessRequest {
  /** The Host header. */
  host: string | null;
  /** X-Forwarded-For, X-Forwarded-Host and Forwarded headers. */
  forwardedFor: string | null;
  forwardedHost: string | null;
  forwarded: string | null;
  queryToken: string | null;
  cookieToken: string | null;
}

export type AccessDecision =
  | { allow: true; /** Store the token in the cookie (and drop it from the URL). */ setCookie: boolean }
  | { allow: false; status: 401 | 404; message: string };

export const INSPECTOR_COOKIE = 'trace_inspector_token';
export const MIN_TOKEN_LENGTH = 16;

type Env = Readonly<Record<string, string | undefined>>;

export function inspectorPolicy(env: Env): InspectorPolicy {
  const setting = env.TRACE_INSPECTOR?.trim().toLowerCase() ?? '';
  if (setting === '') return { mode: env.NODE_ENV === 'development' ? 'open' : 'off' };
  if (['0', 'false', 'off', 'no'].includes(setting)) return { mode: 'off' };
  if (setting === 'local') return { mode: 'local' };
  if (['1', 'true', 'on', 'yes'].includes(setting)) {
    const token = env.TRACE_INSPECTOR_TOKEN?.trim() ?? '';
    if (token.length < MIN_TOKEN_LENGTH) {
      return { mode: 'off', problem: `TRACE_INSPECTOR=1 needs TRACE_INSPECTOR_TOKEN of at least ${MIN_TOKEN_LENGTH} characters` };
    }
    return { mode: 'token', token };
  }
  return { mode: 'off', problem: `TRACE_INSPECTOR="${env.TRACE_INSPECTOR}" is not one of 0, 1, local` };
}

export function decideInspectorAccess(policy: InspectorPolicy, request: AccessRequest): AccessDecision {
  const disabled = { allow: false as const, status: 404 as const, message: policy.problem ?? 'The trace inspector is disabled on this server.' };
  switch (policy.mode) {
    case 'open':
      return { allow: true, setCookie: false };
    case 'local':
      return isLocalRequest(request) ? { allow: true, setCookie: false } : disabled;
    case 'token':
      if (request.queryToken !== null && sameSecret(request.queryToken, policy.token!)) return { allow: true, setCookie: true };
      if (request.cookieToken !== null && sameSecret(request.cookieToken, policy.token!)) return { allow: true, setCookie: false };
      return { allow: false, status: 401, message: 'The trace inspector needs its token: open /traces?token=<TRACE_INSPECTOR_TOKEN> once.' };
    default:
      return disabled;
  }
}

function isLocalRequest(request: AccessRequest): boolean {
  const clients = request.forwardedFor?.split(',').map((address) => address.trim()) ?? [];
  return (
    isLoopbackHost(request.host) &&
    (request.forwardedHost === null || request.forwardedHost.split(',').every((host) => isLoopbackHost(host))) &&
    clients.every(isLoopbackAddress) &&
    request.forwarded === null
  );
}

/** 127.0.0.0/8, ::1, and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.toLowerCase().replace(/^\[|\]$/g, '').replace(/^::ffff:/, '');
  return bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/** 127.0.0.1 (any 127/8), localhost, [::1], with or without a port. */
export function isLoopbackHost(host: string | null): boolean {
  if (!host) return false;
  const name = host.trim().toLowerCase().replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(name);
}

/** Compares in time independent of where the strings differ. */
function sameSecret(given: string, expected: string): boolean {
  let diff = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (given.charCodeAt(i) || 0) ^ expected.charCodeAt(i);
  return diff === 0;
}
