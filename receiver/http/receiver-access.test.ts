import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerMatches, hostName, isAllowedHost, storedHeaders } from './receiver-access.ts';
import { startReceiver, type Receiver } from './receiver-server.ts';
import { oneSpanExport } from '../otlp/sdk-fixtures.ts';

const KEY = 'receiver-key-0123456789';
const AUTH = { authorization: `Bearer ${KEY}` };
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver({ apiKey: KEY, maxRequests: 3 });
});
afterAll(() => receiver.close());

/** A raw request with any Host header (fetch would not let us set Host). */
function send(method: string, path: string, headers: Record<string, string>, body?: Uint8Array | string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${receiver.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const TRACE = 'f'.repeat(32);
const ROUTES: [method: string, path: string, body?: () => Uint8Array | string, contentType?: string][] = [
  ['GET', '/spans'],
  ['GET', `/spans?traceId=${TRACE}`],
  ['DELETE', '/spans'],
  ['GET', '/requests'],
  ['GET', '/annotations'],
  ['GET', '/traces'],
  ['GET', `/traces/${TRACE}`],
  ['POST', '/v1/traces', () => oneSpanExport('guarded'), 'application/x-protobuf'],
  ['POST', '/v1/span_annotations', () => JSON.stringify({ data: [] }), 'application/json'],
  ['GET', '/no-such-route'],
];

describe('receiver with RECEIVER_API_KEY: every route but /health needs the key', () => {
  it.each(ROUTES)('%s %s → 401 without the key or with a wrong one, not 401 with it', async (method, path, body, contentType) => {
    const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
    for (const wrong of [{} as Record<string, string>, { authorization: 'Bearer nope' }, { authorization: KEY }, { authorization: `Bearer ${KEY}x` }, { authorization: `bearer ${KEY}` }]) {
      const refused = await send(method, path, { ...headers, ...wrong }, body?.());
      expect(refused.status, JSON.stringify(wrong)).toBe(401);
      expect(refused.body).not.toContain('guarded');
      expect(JSON.parse(refused.body).error).toMatch(/API key/);
    }
    const allowed = await send(method, path, { ...headers, ...AUTH }, body?.());
    expect(allowed.status).not.toBe(401);
    expect(allowed.status).toBeLessThan(500);
  });

  it('/health answers without a key (and says nothing else)', async () => {
    expect(await send('GET', '/health', {})).toEqual({ status: 200, body: '{"ok":true}' });
  });

  it('stores no credentials and keeps only the latest maxRequests records', async () => {
    for (let i = 0; i < 5; i++) {
      const response = await send('POST', '/v1/traces', { ...AUTH, 'content-type': 'application/x-protobuf', cookie: 'sid=1', 'x-api-key': 'k2', 'x-project-name': `p${i}` }, oneSpanExport(`r${i}`));
      expect(response.status).toBe(200);
    }
    const listed = await send('GET', '/requests', AUTH);
    expect(listed.body).not.toContain(KEY);
    const records = JSON.parse(listed.body) as { project: string; headers: Record<string, string> }[];
    expect(records.map((r) => r.project)).toEqual(['p2', 'p3', 'p4']);
    expect(Object.keys(records[0]!.headers)).not.toEqual(expect.arrayContaining(['authorization']));
    expect(records[0]!.headers).not.toHaveProperty('cookie');
    expect(records[0]!.headers).not.toHaveProperty('x-api-key');
    expect(records[0]!.headers['x-project-name']).toBe('p2');
  });
});

describe('receiver Host check (DNS rebinding)', () => {
  it('refuses a Host that is not this machine (403), with or without the key, before reading or storing', async () => {
    const before = receiver.spans().length;
    for (const host of ['attacker.example', 'attacker.example:6007', '127.0.0.1.nip.io', 'localhost.attacker.example', '10.0.0.7:6007']) {
      for (const [method, path] of [['GET', '/traces'], ['GET', '/spans'], ['GET', '/health'], ['POST', '/v1/traces']] as const) {
        const response = await send(method, path, { ...AUTH, host, 'content-type': 'application/x-protobuf' }, method === 'POST' ? oneSpanExport('rebound') : undefined);
        expect(response.status, `${host} ${method} ${path}`).toBe(403);
        expect(response.body).toMatch(/RECEIVER_ALLOWED_HOSTS/);
      }
    }
    expect(receiver.spans().length).toBe(before);
    for (const host of ['127.0.0.1', `localhost:${receiver.port}`, '[::1]:6007', '127.0.0.2']) {
      expect((await send('GET', '/health', { host })).status, host).toBe(200);
    }
  });

  it('accepts hosts listed in allowedHosts and the bound host name', async () => {
    const listed = await startReceiver({ allowedHosts: ['receiver', 'Traces.Internal'] });
    try {
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          httpRequest(`${listed.url}/health`, { headers: { host } }, (res) => resolve(res.statusCode ?? 0)).on('error', reject).end();
        });
      expect(await status('receiver:6007')).toBe(200);
      expect(await status('traces.internal')).toBe(200);
      expect(await status('other')).toBe(403);
    } finally {
      await listed.close();
    }
  });
});

describe('access helpers', () => {
  it('bearerMatches compares the whole value', () => {
    expect(bearerMatches(`Bearer ${KEY}`, KEY)).toBe(true);
    for (const value of [undefined, '', KEY, `Bearer ${KEY} `, `Bearer ${KEY.slice(0, -1)}`]) expect(bearerMatches(value, KEY)).toBe(false);
  });

  it('hostName and isAllowedHost', () => {
    expect(hostName('LOCALHOST:80')).toBe('localhost');
    expect(hostName('[::1]:3000')).toBe('[::1]');
    expect(hostName('::1')).toBe('[::1]');
    expect(hostName('a b')).toBeUndefined();
    expect(hostName('user@host')).toBeUndefined();
    expect(isAllowedHost('x.example', { allowedHosts: ['*'] })).toBe(true);
    expect(isAllowedHost('0.0.0.0:6007', { boundHost: '0.0.0.0' })).toBe(false);
    expect(isAllowedHost('10.1.2.3:6007', { boundHost: '10.1.2.3' })).toBe(true);
    expect(isAllowedHost(undefined)).toBe(false);
  });

  it('storedHeaders drops every credential-like header', () => {
    expect(
      storedHeaders({ authorization: 'Bearer x', 'proxy-authorization': 'Basic y', cookie: 'a=1', 'x-api-key': 'k', api_key: 'k', 'x-auth-token': 't', 'x-client-secret': 's', 'content-type': 'application/x-protobuf', accept: ['a', 'b'] }),
    ).toEqual({ 'content-type': 'application/x-protobuf', accept: 'a, b' });
  });
});
