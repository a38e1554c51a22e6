import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E, appEnv } from '../../playwright.config';
import { rawRequest } from '../support/raw-request';
import { spawnNext } from '../support/spawn-next';

/**
 * The inspector's `local` mode against a real `next start` and `next dev`: only requests that are
 * provably from this machine get traces; spoofed forwarding headers and DNS-rebinding Host values do
 * not; and a server listening beyond loopback turns `local` off whatever the request says.
 */
const BASE_PORT = Number(new URL(E2E.appUrl).port);
const LOCAL_PORT = BASE_PORT + 20;
const WIDE_PORT = BASE_PORT + 21;
const DEV_PORT = BASE_PORT + 22;
const LOCAL_ENV = { TRACE_INSPECTOR: 'local', TRACE_INSPECTOR_TOKEN: '' };

/** SIGTERM (`next dev` passes it on to its server process; SIGKILL would orphan that one), then SIGKILL after 10 s. */
async function stop(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

test('local (next start on 127.0.0.1): loopback requests only; spoofed forwarding headers and foreign Host values get 404', async () => {
  const server = await spawnNext('start', LOCAL_PORT, appEnv(LOCAL_ENV));
  try {
    const url = (path: string) => `http://127.0.0.1:${LOCAL_PORT}${path}`;
    for (const host of [`127.0.0.1:${LOCAL_PORT}`, `localhost:${LOCAL_PORT}`]) {
      const ok = await rawRequest(url('/traces'), { headers: { host } });
      expect(ok.status, host).toBe(200);
      expect(ok.body).toContain('data-testid="traces-page"');
    }
    const refused: Record<string, string>[] = [
      // DNS rebinding: the attacker's name resolves to 127.0.0.1, the browser sends that name.
      { host: `attacker.example:${LOCAL_PORT}` },
      { host: `127.0.0.1.nip.io:${LOCAL_PORT}` },
      // A remote client pretending to be local, or a proxy saying who it forwards.
      { host: `127.0.0.1:${LOCAL_PORT}`, 'x-forwarded-for': '203.0.113.7' },
      { host: `127.0.0.1:${LOCAL_PORT}`, 'x-forwarded-for': '127.0.0.1, 203.0.113.7' },
      { host: `127.0.0.1:${LOCAL_PORT}`, 'x-forwarded-host': 'traces.example.com' },
      { host: `127.0.0.1:${LOCAL_PORT}`, forwarded: 'for=203.0.113.7;host=traces.example.com' },
      { host: `127.0.0.1:${LOCAL_PORT}`, 'x-real-ip': '203.0.113.7' },
    ];
    for (const headers of refused) {
      for (const path of ['/traces', `/traces/${'a'.repeat(32)}`]) {
        const response = await rawRequest(url(path), { headers });
        expect(response.status, `${path} ${JSON.stringify(headers)}`).toBe(404);
        expect(response.body).not.toContain('data-testid="trace-list"');
        expect(response.body).toContain('Trace inspector disabled');
      }
    }
    // Spoofing "local" does not help either: X-Forwarded-For 127.0.0.1 with a foreign Host is still refused.
    expect((await rawRequest(url('/traces'), { headers: { host: 'attacker.example', 'x-forwarded-for': '127.0.0.1', 'x-forwarded-host': '127.0.0.1' } })).status).toBe(404);
  } finally {
    await stop(server);
  }
});

test('local on a server listening on 0.0.0.0: refused even for a loopback request, and the log says why', async () => {
  const output = { stdout: [] as string[], stderr: [] as string[] };
  const server = await spawnNext('start', WIDE_PORT, appEnv(LOCAL_ENV), 60_000, output, '0.0.0.0');
  try {
    const response = await rawRequest(`http://127.0.0.1:${WIDE_PORT}/traces`, { headers: { host: `127.0.0.1:${WIDE_PORT}` } });
    expect(response.status).toBe(404);
    expect(response.body).toMatch(/listens on 0\.0\.0\.0/);
    await expect.poll(() => output.stderr.join('') + output.stdout.join('')).toMatch(/\[inspector\].*listens on 0\.0\.0\.0.*--hostname 127\.0\.0\.1/);
  } finally {
    await stop(server);
  }
});

test('next dev defaults to local: open on 127.0.0.1, 404 for a DNS-rebinding Host', async () => {
  test.setTimeout(240_000); // next dev compiles /traces on first request
  const server = await spawnNext('dev', DEV_PORT, appEnv({ TRACE_INSPECTOR: '', TRACE_INSPECTOR_TOKEN: '' }), 150_000);
  try {
    const url = `http://127.0.0.1:${DEV_PORT}/traces`;
    const ok = await rawRequest(url, { headers: { host: `127.0.0.1:${DEV_PORT}` } });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('traces-page');
    for (const headers of [{ host: `attacker.example:${DEV_PORT}` } as Record<string, string>, { host: `127.0.0.1:${DEV_PORT}`, 'x-forwarded-for': '198.51.100.4' }]) {
      const refused = await rawRequest(url, { headers });
      expect(refused.status, JSON.stringify(headers)).toBe(404);
      expect(refused.body).not.toContain('trace-list');
    }
  } finally {
    await stop(server);
  }
});

test('the shared e2e receiver: every read needs its key, a foreign Host is refused', async () => {
  for (const path of ['/spans', '/traces', '/requests', '/annotations']) {
    expect((await rawRequest(`${E2E.receiverUrl}${path}`)).status, path).toBe(401);
    expect((await rawRequest(`${E2E.receiverUrl}${path}`, { headers: { authorization: `Bearer ${E2E.apiKey}` } })).status, path).toBe(200);
    const rebound = await rawRequest(`${E2E.receiverUrl}${path}`, { headers: { host: 'attacker.example', authorization: `Bearer ${E2E.apiKey}` } });
    expect(rebound.status, path).toBe(403);
  }
  const requests = await rawRequest(`${E2E.receiverUrl}/requests`, { headers: { authorization: `Bearer ${E2E.apiKey}` } });
  expect(requests.body).not.toContain(E2E.apiKey);
});
