import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExportTraceServiceResponse } from '../otlp/decode-traces.ts';
import { clearReceiver, fetchRequests, fetchSpans, waitForReceivedSpans } from '../http-client.ts';
import { startReceiver, type Receiver } from './receiver-server.ts';
import { oneSpanExport } from '../otlp/sdk-fixtures.ts';

const PROTOBUF = { 'content-type': 'application/x-protobuf' };
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver({ apiKey: 'secret' });
});
afterAll(() => receiver.close());
beforeEach(() => receiver.clear());

const post = (body: BodyInit, headers: Record<string, string>) =>
  fetch(`${receiver.url}/v1/traces`, { method: 'POST', body, headers: { authorization: 'Bearer secret', ...headers } });

describe('receiver ingestion (like Phoenix)', () => {
  it('accepts OTLP protobuf with the key, answers an empty ExportTraceServiceResponse, files spans under the resource project', async () => {
    const response = await post(oneSpanExport(), PROTOBUF);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
    const body = new Uint8Array(await response.arrayBuffer());
    expect(ExportTraceServiceResponse.toObject(ExportTraceServiceResponse.decode(body))).toEqual({});
    expect(receiver.spans()).toHaveLength(1);
    expect(receiver.spans()[0]).toMatchObject({ name: 'one', project: 'from-resource', attributes: { n: 1 }, attributeTypes: { n: 'int' } });
    expect(receiver.requests()).toEqual([
      expect.objectContaining({ contentType: 'application/x-protobuf', spanCount: 1, project: 'from-resource' }),
    ]);
    // The record keeps what the exporter sent, but never its credentials.
    expect(receiver.requests()[0]!.headers['content-type']).toBe('application/x-protobuf');
    expect(receiver.requests()[0]!.headers.authorization).toBeUndefined();
  });

  it('lets x-project-name win over the resource, and falls back to "default"', async () => {
    expect((await post(oneSpanExport(), { ...PROTOBUF, 'x-project-name': 'from-header' })).status).toBe(200);
    expect((await post(oneSpanExport('two', ''), PROTOBUF)).status).toBe(200);
    expect(receiver.spans().map((s) => [s.name, s.project])).toEqual([
      ['one', 'from-header'],
      ['two', 'default'],
    ]);
  });

  it('accepts application/protobuf and gzip or deflate bodies', async () => {
    expect((await post(oneSpanExport('plain'), { 'content-type': 'application/protobuf' })).status).toBe(200);
    expect((await post(new Uint8Array(gzipSync(oneSpanExport('gz'))), { ...PROTOBUF, 'content-encoding': 'gzip' })).status).toBe(200);
    expect((await post(new Uint8Array(deflateSync(oneSpanExport('zz'))), { ...PROTOBUF, 'content-encoding': 'deflate' })).status).toBe(200);
    expect(receiver.spans().map((s) => s.name)).toEqual(['plain', 'gz', 'zz']);
  });

  it('rejects JSON and unknown encodings (415), garbage (400), a missing or wrong key (401)', async () => {
    const json = await post('{"resourceSpans":[]}', { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(((await json.json()) as { error: string }).error).toMatch(/application\/json.*only application\/x-protobuf/);
    expect((await post(oneSpanExport(), { ...PROTOBUF, 'content-encoding': 'br' })).status).toBe(415);
    expect((await post(new Uint8Array([0xff, 0xff, 0xff]), PROTOBUF)).status).toBe(400);
    expect((await post(new Uint8Array([1, 2, 3]), { ...PROTOBUF, 'content-encoding': 'gzip' })).status).toBe(400);
    const noKey = await fetch(`${receiver.url}/v1/traces`, { method: 'POST', body: oneSpanExport(), headers: PROTOBUF });
    expect(noKey.status).toBe(401);
    expect((await post(oneSpanExport(), { ...PROTOBUF, authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await post(oneSpanExport(), { ...PROTOBUF, authorization: 'secret' })).status).toBe(401);
    expect(receiver.spans()).toHaveLength(0);
    expect(receiver.requests()).toHaveLength(0);
  });

  it('needs no key when none is configured', async () => {
    const open = await startReceiver({});
    try {
      const response = await fetch(`${open.url}/v1/traces`, { method: 'POST', body: oneSpanExport(), headers: PROTOBUF });
      expect(response.status).toBe(200);
      expect(open.spans()).toHaveLength(1);
    } finally {
      await open.close();
    }
  });
});

describe('receiver query API', () => {
  it('serves spans (bigints revived by the client), filters by trace, lists requests, resets', async () => {
    await post(oneSpanExport('a'), PROTOBUF);
    await post(oneSpanExport('b'), PROTOBUF);
    const [a, b] = receiver.spans();
    const all = await fetchSpans(receiver.url, undefined, 'secret');
    expect(all).toEqual(receiver.spans());
    expect(typeof all[0]!.startTimeUnixNano).toBe('bigint');
    expect((await fetchSpans(receiver.url, b!.traceId, 'secret')).map((s) => s.name)).toEqual(['b']);
    expect(a!.traceId).not.toBe(b!.traceId);
    expect((await fetchRequests(receiver.url, 'secret')).map((r) => r.spanCount)).toEqual([1, 1]);
    expect(await (await fetch(`${receiver.url}/health`)).json()).toEqual({ ok: true });
    await clearReceiver(receiver.url, 'secret');
    expect(await fetchSpans(receiver.url, undefined, 'secret')).toEqual([]);
    expect(receiver.requests()).toEqual([]);
    const auth = { headers: { authorization: 'Bearer secret' } };
    expect((await fetch(`${receiver.url}/nope`, auth)).status).toBe(404);
    expect((await fetch(`${receiver.url}/v1/traces`, auth)).status).toBe(405);
  });
});

describe('waiting for spans', () => {
  it('in process: resolves when the spans arrive, times out naming what arrived', async () => {
    setTimeout(() => void post(oneSpanExport('late'), PROTOBUF), 100);
    const spans = await receiver.waitForSpans((s) => s.some((span) => span.name === 'late'), 3000);
    expect(spans.map((s) => s.name)).toEqual(['late']);
    await expect(receiver.waitForSpans((s) => s.length === 5, 200)).rejects.toThrow(
      /timed out after 200 ms.*received 1 span\(s\): late \([0-9a-f]{8}\)/,
    );
  });

  it('in process: resolves at once when the predicate already holds, and a throwing predicate rejects', async () => {
    await post(oneSpanExport('here'), PROTOBUF);
    expect(await receiver.waitForSpans((s) => s.length === 1, 10)).toHaveLength(1);
    await expect(receiver.waitForSpans(() => { throw new Error('boom'); }, 1000)).rejects.toThrow('boom');
    await expect(receiver.waitForSpans(() => false, 0)).rejects.toThrow(/received 1 span\(s\): here/);
  });

  it('over HTTP: resolves when the spans arrive, times out naming what arrived', async () => {
    setTimeout(() => void post(oneSpanExport('one'), PROTOBUF), 150);
    const spans = await waitForReceivedSpans(receiver.url, (s) => s.length === 1, 3000, 100, 'secret');
    expect(spans[0]!.name).toBe('one');
    await expect(waitForReceivedSpans(receiver.url, (s) => s.length === 5, 300, 100, 'secret')).rejects.toThrow(/received 1 span\(s\): one/);
  });

  it('close() rejects pending waits', async () => {
    const other = await startReceiver({});
    const pending = other.waitForSpans(() => false, 10_000);
    await other.close();
    await expect(pending).rejects.toThrow(/receiver closed; received no spans/);
  });
});
