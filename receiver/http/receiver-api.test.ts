import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { SpanStatusCode, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeTraceRequest } from '../otlp/decode-traces.ts';
import { startReceiver, type Receiver } from './receiver-server.ts';
import { oneSpanExport, recordSpans, richSpans, serialize } from '../otlp/sdk-fixtures.ts';

const KEY = { authorization: 'Bearer secret' };
let receiver: Receiver;
let jsonReceiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver({ apiKey: 'secret' });
  jsonReceiver = await startReceiver({ apiKey: 'secret', acceptJson: true });
});
afterAll(() => Promise.all([receiver.close(), jsonReceiver.close()]));
beforeEach(() => {
  receiver.clear();
  jsonReceiver.clear();
});

const get = (path: string) => fetch(`${receiver.url}${path}`, { headers: KEY });
const postTraces = (target: Receiver, body: BodyInit, contentType: string) =>
  fetch(`${target.url}/v1/traces`, { method: 'POST', body, headers: { ...KEY, 'content-type': contentType } });
const jsonExport = (spans: ReturnType<typeof richSpans>['all']) => new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans));

describe('OTLP/JSON ingestion', () => {
  it('with acceptJson: decodes OTLP/JSON (hex ids) into the same spans as protobuf, answers JSON', async () => {
    const { all } = richSpans();
    const response = await postTraces(jsonReceiver, jsonExport(all), 'application/json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({});
    const expected = decodeTraceRequest(serialize(all)).map((span) => ({ ...span, project: 'proj' }));
    expect(jsonReceiver.spans()).toEqual(expected);
    expect(jsonReceiver.requests()[0]!.contentType).toBe('application/json');
    // Protobuf still works on the same receiver.
    expect((await postTraces(jsonReceiver, oneSpanExport(), 'application/x-protobuf')).status).toBe(200);
  });

  it('with acceptJson: malformed JSON or ids → 400, other types → 415, no key → 401', async () => {
    expect((await postTraces(jsonReceiver, '{not json', 'application/json')).status).toBe(400);
    const badId = { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: 'zz', spanId: '00f067aa0ba902b7', name: 'x' }] }] }] };
    const bad = await postTraces(jsonReceiver, JSON.stringify(badId), 'application/json');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/traceId must be a hex string/);
    expect((await postTraces(jsonReceiver, JSON.stringify({ resourceSpans: 3 }), 'application/json')).status).toBe(400);
    expect((await postTraces(jsonReceiver, 'x', 'text/plain')).status).toBe(415);
    const noKey = await fetch(`${jsonReceiver.url}/v1/traces`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(noKey.status).toBe(401);
    expect(jsonReceiver.spans()).toEqual([]);
  });

  it('without acceptJson (the default, like Phoenix): JSON → 415', async () => {
    const response = await postTraces(receiver, jsonExport(richSpans().all), 'application/json');
    expect(response.status).toBe(415);
    expect(receiver.spans()).toEqual([]);
  });
});

describe('POST /v1/span_annotations (Phoenix contract)', () => {
  const annotate = (body: unknown, headers: Record<string, string> = KEY, query = '') =>
    fetch(`${receiver.url}/v1/span_annotations${query}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
  const feedback = { span_id: '00f067aa0ba902b7', name: 'user_feedback', annotator_kind: 'HUMAN', result: { label: 'thumbs_up', score: 1 } };

  it('stores annotations, answers their ids, serves them at /annotations (filtered by spanId)', async () => {
    const response = await annotate({ data: [feedback, { ...feedback, span_id: 'b7ad6b7169203331', annotator_kind: 'CODE', metadata: { by: 'test' }, identifier: 'x' }] }, KEY, '?sync=true');
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { id: string }[] };
    expect(data).toHaveLength(2);
    expect(data.every((d) => typeof d.id === 'string' && d.id.length > 0)).toBe(true);
    expect(data[0]!.id).not.toBe(data[1]!.id);
    const all = (await (await get(`/annotations`)).json()) as Record<string, unknown>[];
    expect(all).toEqual([
      expect.objectContaining({ ...feedback, id: data[0]!.id }),
      expect.objectContaining({ span_id: 'b7ad6b7169203331', annotator_kind: 'CODE', metadata: { by: 'test' }, identifier: 'x', id: data[1]!.id }),
    ]);
    const one = (await (await get(`/annotations?spanId=00f067aa0ba902b7`)).json()) as { id: string }[];
    expect(one.map((a) => a.id)).toEqual([data[0]!.id]);
  });

  it('updates an annotation with the same span_id, name and identifier, keeping its id', async () => {
    const first = (await (await annotate({ data: [feedback] })).json()) as { data: { id: string }[] };
    const second = (await (await annotate({ data: [{ ...feedback, result: { label: 'thumbs_down', score: 0 } }] })).json()) as { data: { id: string }[] };
    expect(second.data[0]!.id).toBe(first.data[0]!.id);
    expect(receiver.annotations()).toEqual([expect.objectContaining({ result: { label: 'thumbs_down', score: 0 } })]);
  });

  it('401 without the key, 422 for an invalid body, 405 for GET; DELETE /spans clears annotations', async () => {
    expect((await annotate({ data: [feedback] }, {})).status).toBe(401);
    expect((await annotate({ data: [feedback] }, { authorization: 'Bearer wrong' })).status).toBe(401);
    for (const body of [
      '{oops',
      { data: [] },
      { nope: [] },
      { data: [{ ...feedback, span_id: 'short' }] },
      { data: [{ ...feedback, name: '' }] },
      { data: [{ ...feedback, annotator_kind: 'ROBOT' }] },
      { data: [{ ...feedback, result: { score: 'high' } }] },
      { data: [{ ...feedback, metadata: [1] }] },
    ]) {
      const response = await annotate(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(typeof ((await response.json()) as { error: unknown }).error).toBe('string');
    }
    expect(receiver.annotations()).toEqual([]);
    expect((await fetch(`${receiver.url}/v1/span_annotations`, { headers: KEY })).status).toBe(405);
    await annotate({ data: [feedback] });
    await fetch(`${receiver.url}/spans`, { method: 'DELETE', headers: KEY });
    expect(await (await get(`/annotations`)).json()).toEqual([]);
  });
});

describe('GET /traces and /traces/<id> (the inspector read API)', () => {
  function exportTurn(session: string, failed: boolean) {
    const spans = recordSpans({ 'openinference.project.name': 'p' }, (tracer) => {
      const chain = tracer.startSpan('chat turn', { attributes: { 'openinference.span.kind': 'CHAIN', 'input.value': 'hi', 'session.id': session } });
      const llm = tracer.startSpan('llm m', { attributes: { 'openinference.span.kind': 'LLM', 'llm.token_count.total': 12 } }, trace.setSpan(ROOT_CONTEXT, chain));
      llm.setStatus({ code: failed ? SpanStatusCode.ERROR : SpanStatusCode.OK });
      llm.end();
      chain.setAttribute('output.value', 'x'.repeat(300));
      chain.setStatus({ code: failed ? SpanStatusCode.ERROR : SpanStatusCode.OK });
      chain.end();
    });
    return postTraces(receiver, serialize(spans), 'application/x-protobuf');
  }

  it('lists trace summaries filtered by session and status, and serves one trace with its annotations', async () => {
    await exportTurn('s1', false);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await exportTurn('s2', true);
    const list = (await (await get(`/traces`)).json()) as { traces: Record<string, unknown>[] };
    expect(list.traces.map((t) => [t.sessionId, t.status, t.spanCount, t.totalTokens, t.kind, t.name])).toEqual([
      ['s2', 'error', 2, 12, 'CHAIN', 'chat turn'],
      ['s1', 'ok', 2, 12, 'CHAIN', 'chat turn'],
    ]);
    expect(list.traces[0]).toMatchObject({ input: 'hi', project: 'p', output: `${'x'.repeat(200)}…` });
    const bySession = (await (await get(`/traces?session=s1`)).json()) as { traces: { traceId: string }[] };
    expect(bySession.traces).toHaveLength(1);
    expect(((await (await get(`/traces?status=error`)).json()) as { traces: unknown[] }).traces).toHaveLength(1);
    expect(((await (await get(`/traces?limit=1`)).json()) as { traces: unknown[] }).traces).toHaveLength(1);
    expect((await get(`/traces?status=bad`)).status).toBe(400);
    expect((await get(`/traces?limit=0`)).status).toBe(400);

    const traceId = bySession.traces[0]!.traceId;
    const llm = receiver.spans().find((s) => s.traceId === traceId && s.name === 'llm m')!;
    await fetch(`${receiver.url}/v1/span_annotations`, {
      method: 'POST',
      headers: KEY,
      body: JSON.stringify({ data: [{ span_id: llm.spanId, name: 'user_feedback', annotator_kind: 'HUMAN', result: { label: 'up' } }] }),
    });
    const one = (await (await get(`/traces/${traceId}`)).json()) as { traceId: string; spans: { name: string; startTimeUnixNano: string }[]; annotations: unknown[] };
    expect(one.traceId).toBe(traceId);
    expect(one.spans.map((s) => s.name).sort()).toEqual(['chat turn', 'llm m']);
    expect(typeof one.spans[0]!.startTimeUnixNano).toBe('string');
    expect(one.annotations).toEqual([expect.objectContaining({ span_id: llm.spanId, result: { label: 'up' } })]);
    expect((await get(`/traces/${'0'.repeat(32)}`)).status).toBe(404);
  });
});
