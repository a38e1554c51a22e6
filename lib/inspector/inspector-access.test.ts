import { describe, expect, it } from 'vitest';
import { decideInspectorAccess, inspectorPolicy, isLoopbackAddress, isLoopbackHost, type AccessRequest } from './inspector-access';
import { listeningAddresses } from './listen-addresses';
import { readConfig } from '@/lib/config/read-config';

const TOKEN = 'a-long-enough-token-123';
const request = (overrides: Partial<AccessRequest> = {}): AccessRequest => ({
  host: '127.0.0.1:3000',
  forwardedFor: null,
  forwardedHost: null,
  forwarded: null,
  realIp: null,
  queryToken: null,
  headerToken: null,
  cookieToken: null,
  listenAddresses: ['127.0.0.1'],
  ...overrides,
});

describe('inspectorPolicy', () => {
  it('is local under next dev and off in production unless enabled', () => {
    expect(inspectorPolicy(readConfig({ NODE_ENV: 'development' }))).toEqual({ mode: 'local' });
    expect(inspectorPolicy(readConfig({ NODE_ENV: 'production' }))).toEqual({ mode: 'off' });
    expect(inspectorPolicy(readConfig({}))).toEqual({ mode: 'off' });
    expect(inspectorPolicy(readConfig({ NODE_ENV: 'development', TRACE_INSPECTOR: '0' }))).toEqual({ mode: 'off' });
    expect(inspectorPolicy(readConfig({ NODE_ENV: 'production', TRACE_INSPECTOR: 'local' }))).toEqual({ mode: 'local' });
  });

  it('TRACE_INSPECTOR=1 requires a token of 16+ characters, else stays off and says why', () => {
    expect(inspectorPolicy(readConfig({ NODE_ENV: 'production', TRACE_INSPECTOR: '1', TRACE_INSPECTOR_TOKEN: TOKEN }))).toEqual({ mode: 'token', token: TOKEN });
    expect(inspectorPolicy(readConfig({ TRACE_INSPECTOR: 'true', TRACE_INSPECTOR_TOKEN: TOKEN })).mode).toBe('token');
    expect(inspectorPolicy(readConfig({ TRACE_INSPECTOR: '1' }))).toMatchObject({ mode: 'off', problem: expect.stringMatching(/TRACE_INSPECTOR_TOKEN/) });
    expect(inspectorPolicy(readConfig({ TRACE_INSPECTOR: '1', TRACE_INSPECTOR_TOKEN: 'short' })).mode).toBe('off');
    expect(inspectorPolicy(readConfig({ TRACE_INSPECTOR: 'maybe' }))).toMatchObject({ mode: 'off', problem: expect.stringMatching(/maybe/) });
  });
});

describe('decideInspectorAccess', () => {
  it('off → 404 whatever the request carries', () => {
    expect(decideInspectorAccess({ mode: 'off' }, request({ headerToken: TOKEN, cookieToken: TOKEN }))).toMatchObject({ allow: false, status: 404 });
  });

  it('token: a posted or Bearer token sets the cookie, the cookie is enough afterwards, a URL token never works', () => {
    const policy = { mode: 'token' as const, token: TOKEN };
    expect(decideInspectorAccess(policy, request({ headerToken: TOKEN }))).toEqual({ allow: true, setCookie: true });
    expect(decideInspectorAccess(policy, request({ cookieToken: TOKEN }))).toEqual({ allow: true, setCookie: false });
    expect(decideInspectorAccess(policy, request({ queryToken: TOKEN }))).toMatchObject({ allow: false, status: 401, message: expect.stringMatching(/URL is not accepted/) });
    for (const bad of [request(), request({ headerToken: 'wrong' }), request({ cookieToken: `${TOKEN}x` }), request({ headerToken: TOKEN.slice(0, -1) }), request({ headerToken: '' })]) {
      expect(decideInspectorAccess(policy, bad)).toMatchObject({ allow: false, status: 401 });
    }
  });

  it('local: a loopback-only server, loopback Host, no sign of a proxy', () => {
    const policy = { mode: 'local' as const };
    for (const host of ['127.0.0.1:3000', 'localhost:3250', '[::1]:3000', 'localhost', '127.0.0.2']) {
      expect(decideInspectorAccess(policy, request({ host })), host).toEqual({ allow: true, setCookie: false });
    }
    // What Next itself adds: X-Forwarded-For = the socket's (loopback) peer, X-Forwarded-Host = Host.
    expect(decideInspectorAccess(policy, request({ forwardedFor: '127.0.0.1', forwardedHost: '127.0.0.1:3000' }))).toEqual({ allow: true, setCookie: false });
    expect(decideInspectorAccess(policy, request({ forwardedFor: '::ffff:127.0.0.1' }))).toEqual({ allow: true, setCookie: false });
    expect(decideInspectorAccess(policy, request({ listenAddresses: ['::1', '127.0.0.1', 'pipe:/tmp/x.sock'] }))).toEqual({ allow: true, setCookie: false });
  });

  it('local: DNS-rebinding Host values → 404', () => {
    const policy = { mode: 'local' as const };
    for (const host of ['example.com', 'evil.localhost.example', '127.0.0.1.nip.io', '10.0.0.1:3000', 'attacker.example:3000', null]) {
      expect(decideInspectorAccess(policy, request({ host })), String(host)).toMatchObject({ allow: false, status: 404 });
    }
  });

  it('local: spoofed or real forwarding headers only ever refuse', () => {
    const policy = { mode: 'local' as const };
    for (const proxied of [{ forwardedFor: '1.2.3.4' }, { forwardedFor: '127.0.0.1, 10.0.0.2' }, { forwardedHost: 'example.com' }, { forwarded: 'for=1.2.3.4' }, { forwarded: 'for=127.0.0.1' }, { realIp: '203.0.113.9' }]) {
      expect(decideInspectorAccess(policy, request(proxied)), JSON.stringify(proxied)).toMatchObject({ allow: false, status: 404 });
    }
  });

  it('local: refuses on a server that listens on a non-loopback address, whatever the request says', () => {
    const policy = { mode: 'local' as const };
    for (const listenAddresses of [['0.0.0.0'], ['::'], ['127.0.0.1', '192.168.1.20'], [], undefined]) {
      const decision = decideInspectorAccess(policy, request({ listenAddresses, forwardedFor: '127.0.0.1', host: 'localhost:3000' }));
      expect(decision, JSON.stringify(listenAddresses)).toMatchObject({ allow: false, status: 404 });
    }
    expect(decideInspectorAccess(policy, request({ listenAddresses: ['0.0.0.0'] }))).toMatchObject({ message: expect.stringMatching(/listens on 0\.0\.0\.0.*--hostname 127\.0\.0\.1/) });
  });

  it('isLoopbackHost / isLoopbackAddress', () => {
    expect(isLoopbackHost('LOCALHOST:80')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('[::1]')).toBe(true);
    expect(isLoopbackAddress('[::1]:5000')).toBe(true);
    expect(isLoopbackAddress('127.0.0.1:5000')).toBe(true);
    expect(isLoopbackAddress('128.0.0.1')).toBe(false);
    expect(isLoopbackAddress('0.0.0.0')).toBe(false);
    expect(isLoopbackAddress('::')).toBe(false);
  });
});

describe('listeningAddresses', () => {
  it("reads this process's listening sockets", async () => {
    const { createServer } = await import('node:http');
    const local = createServer();
    const wide = createServer();
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => wide.listen(0, '0.0.0.0', resolve));
    try {
      expect(listeningAddresses()).toEqual(expect.arrayContaining(['127.0.0.1', '0.0.0.0']));
    } finally {
      wide.close();
      await new Promise((resolve) => local.close(resolve));
    }
    expect(listeningAddresses()).not.toContain('127.0.0.1');
  });

  it('is undefined where the process cannot list its handles (edge-like runtimes)', () => {
    const holder = process as unknown as { _getActiveHandles?: unknown };
    const original = holder._getActiveHandles;
    holder._getActiveHandles = undefined;
    try {
      expect(listeningAddresses()).toBeUndefined();
    } finally {
      holder._getActiveHandles = original;
    }
  });
});
