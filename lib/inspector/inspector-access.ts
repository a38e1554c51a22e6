/**
 * Who may open the trace inspector (`/traces`), decided from the environment and the request alone
 * (a pure function, shared by proxy.ts and the pages):
 * - `TRACE_INSPECTOR` unset: `local` under `next dev` (NODE_ENV=development), off otherwise — so no
 *   production deploy exposes traces by default.
 * - `TRACE_INSPECTOR=0`: off everywhere. Off answers 404.
 * - `TRACE_INSPECTOR=1`: on, but only with `TRACE_INSPECTOR_TOKEN` (≥ 16 characters; without one it
 *   stays off). The token is exchanged once for an http-only cookie by POSTing it (the 401 page's
 *   form, field `token`) or sent as `Authorization: Bearer <token>`; a token in the URL is refused
 *   (it would end up in logs and history). Requests with neither get 401.
 * - `TRACE_INSPECTOR=local`: on only while this server can be reached from this machine alone —
 *   every socket it listens on is bound to a loopback address (listen-addresses.ts; the request
 *   itself cannot tell, see there) — and for requests addressed to a loopback name (Host and any
 *   X-Forwarded-Host 127.0.0.1, localhost or [::1]: defeats DNS rebinding) that show no sign of a
 *   proxy relaying another machine (every X-Forwarded-For / X-Real-IP address loopback, no RFC 7239
 *   Forwarded). Otherwise 404. Forwarding headers only ever refuse, never allow: a local reverse
 *   proxy that forwards other machines' requests without saying so is the one case it cannot see —
 *   use the token there.
 */
import type { AppConfig } from '@/lib/config/config-types';
import { MIN_INSPECTOR_TOKEN_LENGTH } from '@/lib/config/config-defaults';

export type InspectorMode = 'off' | 'token' | 'local';

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
  /** X-Forwarded-For, X-Forwarded-Host, Forwarded and X-Real-IP headers. */
  forwardedFor: string | null;
  forwardedHost: string | null;
  forwarded: string | null;
  realIp?: string | null;
  /** A `?token=` in the URL (refused, never used). */
  queryToken: string | null;
  /** `Authorization: Bearer <token>`, or the token POSTed to exchange it for the cookie. */
  headerToken?: string | null;
  cookieToken: string | null;
  /** The addresses the server listens on (listen-addresses.ts); undefined when unknown. */
  listenAddresses?: readonly string[];
}

export type AccessDecision =
  | { allow: true; /** Store the token in the cookie (and drop it from the URL). */ setCookie: boolean }
  | { allow: false; status: 401 | 404; message: string };

export const INSPECTOR_COOKIE = 'trace_inspector_token';

/** From `config.inspector` (TRACE_INSPECTOR, TRACE_INSPECTOR_TOKEN, read by lib/config) and whether this is next dev. */
export function inspectorPolicy(config: Pick<AppConfig, 'inspector' | 'development'>): InspectorPolicy {
  const { setting, token } = config.inspector;
  switch (setting) {
    case 'default':
      return { mode: config.development ? 'local' : 'off' };
    case 'off':
      return { mode: 'off' };
    case 'local':
      return { mode: 'local' };
    case 'on':
      // lib/config drops a token shorter than MIN_INSPECTOR_TOKEN_LENGTH (and warns at start-up).
      if (!token) return { mode: 'off', problem: `TRACE_INSPECTOR=1 needs TRACE_INSPECTOR_TOKEN of at least ${MIN_INSPECTOR_TOKEN_LENGTH} characters` };
      return { mode: 'token', token };
    default:
      return { mode: 'off', problem: `TRACE_INSPECTOR="${config.inspector.invalidSetting ?? ''}" is not one of 0, 1, local` };
  }
}

export function decideInspectorAccess(policy: InspectorPolicy, request: AccessRequest): AccessDecision {
  const disabled = { allow: false as const, status: 404 as const, message: policy.problem ?? 'The trace inspector is disabled on this server.' };
  switch (policy.mode) {
    case 'local': {
      const problem = localProblem(request);
      return problem ? { ...disabled, message: `The trace inspector is only served to this machine (TRACE_INSPECTOR=local): ${problem}.` } : { allow: true, setCookie: false };
    }
    case 'token':
      if (request.headerToken && sameSecret(request.headerToken, policy.token!)) return { allow: true, setCookie: true };
      if (request.cookieToken && sameSecret(request.cookieToken, policy.token!)) return { allow: true, setCookie: false };
      return {
        allow: false,
        status: 401,
        message:
          request.queryToken !== null
            ? 'A token in the URL is not accepted (it would be kept in logs and history): enter it in the form below.'
            : 'The trace inspector needs its token (TRACE_INSPECTOR_TOKEN): enter it below, or send it as Authorization: Bearer <token>.',
      };
    default:
      return disabled;
  }
}

/** Why a request is not provably from this machine, or undefined when it is. */
export function localProblem(request: AccessRequest): string | undefined {
  const listen = request.listenAddresses;
  if (!listen || listen.length === 0) return 'cannot tell which addresses this server listens on';
  const exposed = listen.filter((address) => !address.startsWith('pipe:') && !isLoopbackAddress(address));
  if (exposed.length > 0) return `the server listens on ${exposed.join(', ')}, reachable from other machines (start it with --hostname 127.0.0.1, or use TRACE_INSPECTOR=1 with a token)`;
  if (!isLoopbackHost(request.host)) return 'the request is not addressed to a loopback host';
  const list = (value: string | null | undefined) => value?.split(',').map((entry) => entry.trim()).filter(Boolean) ?? [];
  if (!list(request.forwardedHost).every((host) => isLoopbackHost(host))) return 'the request was forwarded for another host';
  if (![...list(request.forwardedFor), ...list(request.realIp)].every(isLoopbackAddress)) return 'the request was forwarded from another machine';
  if (request.forwarded !== null) return 'the request came through a proxy (Forwarded header)';
  return undefined;
}

/** 127.0.0.0/8, ::1, and their IPv4-mapped forms (an optional port is ignored). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.trim().toLowerCase().replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1').replace(/^::ffff:/, '');
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
