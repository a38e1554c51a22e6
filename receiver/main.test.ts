import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSpans } from './http-client.ts';
import { oneSpanExport } from './otlp/sdk-fixtures.ts';

/** The standalone entry runs under plain Node (native ESM + type stripping), not vitest's loader. */
describe('node receiver/main.ts', () => {
  let child: ChildProcess;
  let output = '';
  let url = '';

  const waitForOutput = (pattern: RegExp, timeoutMs = 10_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} in output: ${output}`)), timeoutMs);
      const check = () => {
        const match = output.match(pattern);
        if (!match) return;
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(match);
      };
      child.stdout?.on('data', check);
      check();
    });

  beforeAll(async () => {
    child = spawn(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', fileURLToPath(new URL('./main.ts', import.meta.url))], {
      env: { ...process.env, RECEIVER_PORT: '0', RECEIVER_API_KEY: 'k', RECEIVER_DATA_DIR: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = (await waitForOutput(/listening on (http:\/\/127\.0\.0\.1:\d+)/))[1]!;
  });

  afterAll(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it('receives an export, logs one line for it, and serves the span', async () => {
    const response = await fetch(`${url}/v1/traces`, {
      method: 'POST',
      body: oneSpanExport('standalone', 'cli-project'),
      headers: { 'content-type': 'application/x-protobuf', authorization: 'Bearer k' },
    });
    expect(response.status).toBe(200);
    await waitForOutput(/export: 1 span\(s\), project "cli-project"/);
    const spans = await fetchSpans(url, undefined, 'k');
    expect(spans.map((s) => [s.name, s.project, s.attributeTypes.n])).toEqual([['standalone', 'cli-project', 'int']]);
  });

  it('accepts OTLP/JSON too (a dev tool, unlike the Phoenix-like e2e receiver)', async () => {
    const body = { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', name: 'from-json' }] }] }] };
    const response = await fetch(`${url}/v1/traces`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', authorization: 'Bearer k' } });
    expect(response.status).toBe(200);
    expect((await fetchSpans(url, '0af7651916cd43dd8448eb211c80319c', 'k')).map((s) => s.name)).toEqual(['from-json']);
  });

  it('enforces RECEIVER_API_KEY', async () => {
    const response = await fetch(`${url}/v1/traces`, { method: 'POST', body: oneSpanExport(), headers: { 'content-type': 'application/x-protobuf' } });
    expect(response.status).toBe(401);
  });
});
