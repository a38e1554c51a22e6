import { describe, expect, it } from 'vitest';
import { decideInspectorAccess, inspectorPolicy, isLoopbackAddress, isLoopbackHost, type AccessRequest } from './inspector-access';

const TOKEN = 'a-long-enough-token-123';
const request = (overrides: Partial<AccessRequest> = {}): AccessRequest => ({ host: '127.0.0.1:3000', forwardedFor: null, forwardedHost: null, forwarded: null, queryToken: null, cookieToken: null, ...overrides });

describe('inspectorPolicy', () => {
  it('is on under next dev and off in production unless enabled', () => {
    expect(inspectorPolicy({ NODE_ENV: 'development' })).toEqual({ mode: 'open' });
    expect(inspectorPolicy({ NODE_ENV: 'production' })).toEqual({ mode: 'off' });
    expect(inspectorPolicy({})).toEqual({ mode: 'off' });
    expect(inspectorPolicy({ NODE_ENV: 'development', TRACE_INSPECTOR: '0' })).toEqual({ mode: 'off' });
    expect(inspectorPolicy({ NODE_ENV: 'production', TRACE_INSPECTOR: 'local' })).toEqual({ mode: 'local' });
  });

  it('TRACE_INSPECTOR=1 requires a token of 16+ characters, else stays off and says why', () => {
    expect(inspectorPolicy({ NODE_ENV: 'production', TRACE_INSPECTOR: '1', TRACE_INSPECTOR_TOKEN: TOKEN })).toEqual({ mode: 'token', token: TOKEN });
    expect(inspectorPolicy({ TRACE_INSPECTOR: 'true', TRACE_INSPECTOR_TOKEN: TOKEN }).mode).toBe('token');
    expect(inspectorPolicy({ TRACE_INSPECTOR: '1' })).toMatchObject({ mode: 'off', problem: expect.stringMatching(/TRACE_INSPECTOR_TOKEN/) });
    expect(inspectorPolicy({ TRACE_INSPECTOR: '1', TRACE_INSPECTOR_TOKEN: 'short' }).mode).toBe('off');
    expect(inspectorPolicy({ TRACE_INSPECTOR: 'maybe' })).toMatchObject({ mode: 'off', problem: expect.stringMatching(/maybe/) });
  });
});

describe('decideInspectorAccess', () => {
  it('off → 404 whatever the request carries', () => {
    expect(decideInspectorAccess({ mode: 'off' }, request({ queryToken: TOKEN, cookieToken: TOKEN }))).toMatchObject({ allow: false, status: 404 });
  });

  it('open (next dev) → allowed', () => {
    expect(decideInspectorAccess({ mode: 'open' }, request({ host: 'example.com' }))).toEqual({ allow: true, setCookie: false });
  });

  it('token: the query token sets the cookie, the cookie is enough afterwards, anything else → 401', () => {
    const policy = { mode: 'token' as const, token: TOKEN };
    expect(decideInspectorAccess(policy, request({ queryToken: TOKEN }))).toEqual({ allow: true, setCookie: true });
    expect(decideInspectorAccess(policy, request({ cookieToken: TOKEN }))).toEqual({ allow: true, setCookie: false });
    for (const bad of [request(), request({ queryToken: 'wrong' }), request({ cookieToken: `${TOKEN}x` }), request({ queryToken: TOKEN.slice(0, -1) }), request({ queryToken: '' })]) {
      expect(decideInspectorAccess(policy, bad)).toMatchObject({ allow: false, status: 401 });
    }
  });

  it('local: only loopback Host headers with no proxy in between', () => {
    const policy = { mode: 'local' as const };
    for (const host of ['127.0.0.1:3000', 'localhost:3250', '[::1]:3000', 'localhost', '127.0.0.2']) {
      expect(decideInspectorAccess(policy, request({ host })), host).toEqual({ allow: true, setCookie: false });
    }
    for (const host of ['example.com', 'evil.localhost.example', '127.0.0.1.nip.io', '10.0.0.1:3000', null]) {
      expect(decideInspectorAccess(policy, request({ host })), String(host)).toMatchObject({ allow: false, status: 404 });
    }
    // Next itself sets X-Forwarded-For to the socket's peer: loopback clients pass, others do not.
    expect(decideInspectorAccess(policy, request({ forwardedFor: '127.0.0.1', forwardedHost: '127.0.0.1:3000' }))).toEqual({ allow: true, setCookie: false });
    expect(decideInspectorAccess(policy, request({ forwardedFor: '::ffff:127.0.0.1' }))).toEqual({ allow: true, setCookie: false });
    for (const proxied of [{ forwardedFor: '1.2.3.4' }, { forwardedFor: '127.0.0.1, 10.0.0.2' }, { forwardedHost: 'example.com' }, { forwarded: 'for=1.2.3.4' }]) {
      expect(decideInspectorAccess(policy, request(proxied)), JSON.stringify(proxied)).toMatchObject({ allow: false, status: 404 });
    }
  });

  it('isLoopbackHost', () => {
    expect(isLoopbackHost('LOCALHOST:80')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('[::1]')).toBe(true);
    expect(isLoopbackAddress('128.0.0.1')).toBe(false);
  });
});
