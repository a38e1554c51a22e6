import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { feedbackSigningKey, signFeedbackToken } from '@/lib/feedback/feedback-token';
import { handleDatasetRequest } from './handle-dataset-request';
import { readConfig } from '@/lib/config/read-config';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SPAN = 'b7ad6b7169203331';
const USER = '3f2c8d1e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const env = { FEEDBACK_SIGNING_KEY: 'k'.repeat(40), PHOENIX_API_KEY: 'sk-test', PHOENIX_PROJECT_NAME: 'proj one', PHOENIX_FEEDBACK_DATASET: 'bad-answers' } as Record<string, string>;

const requests: { method?: string; url?: string; headers: IncomingMessage['headers']; body?: unknown }[] = [];
let spansVisibleAfter = 0;
let uploadStatus = 200;
const spans = [
  { name: 'chat turn', context: { trace_id: TRACE, span_id: SPAN }, span_kind: 'AGENT', parent_id: null, start_time: '2026-01-01T00:00:00Z', status_code: 'OK', attributes: { 'output.value': 'the answer' } },
  {
    name: 'llm',
    context: { trace_id: TRACE, span_id: '1111111111111111' },
    span_kind: 'LLM',
    parent_id: SPAN,
    start_time: '2026-01-01T00:00:01Z',
    status_code: 'OK',
    attributes: { 'llm.input_messages.0.message.role': 'user', 'llm.input_messages.0.message.content': 'the question' },
  },
];
const server = createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk) => (raw += chunk));
  req.on('end', () => {
    requests.push({ method: req.method, url: req.url, headers: req.headers, body: raw ? JSON.parse(raw) : undefined });
    if (req.url?.startsWith('/v1/projects/')) {
      const queries = requests.filter((r) => r.url?.startsWith('/v1/projects/')).length;
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: queries > spansVisibleAfter ? spans : [] }));
    }
    if (uploadStatus !== 200) return res.writeHead(uploadStatus).end('nope');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { dataset_id: 'RGF0YXNldDox', num_created_examples: 1 } }));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env.PHOENIX_COLLECTOR_ENDPOINT = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests.length = 0;
  spansVisibleAfter = 0;
  uploadStatus = 200;
});

const token = async (claims = { traceId: TRACE, spanId: SPAN, userId: USER }) => signFeedbackToken(claims, await feedbackSigningKey(readConfig(env)));
const post = (body: unknown, cookie = `tc_uid=${USER}`, options = {}) =>
  handleDatasetRequest(
    new Request('http://app/api/feedback/dataset', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) }),
    { config: readConfig(env), pollMs: 10, waitMs: 1000, ...options },
  );

describe('POST /api/feedback/dataset', () => {
  it('builds the example from the spans in Phoenix and appends it to the configured dataset with the server key', async () => {
    spansVisibleAfter = 2; // the spans arrive on the third query: the handler waits for them
    const response = await post({ traceId: TRACE, spanId: SPAN, token: await token(), comment: 'too vague' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, dataset: 'bad-answers', datasetId: 'RGF0YXNldDox', exampleId: `traced-chat-${TRACE}-${SPAN}`, created: true, updated: false });
    const queries = requests.filter((r) => r.url?.startsWith('/v1/projects/'));
    expect(queries).toHaveLength(3);
    expect(queries[0]!.url).toBe(`/v1/projects/proj%20one/spans?trace_id=${TRACE}&limit=1000`);
    const upload = requests.at(-1)!;
    expect(upload.url).toBe('/v1/datasets/upload?sync=true');
    expect(upload.headers.authorization).toBe('Bearer sk-test');
    expect(upload.body).toMatchObject({
      action: 'append',
      name: 'bad-answers',
      inputs: [{ messages: [{ role: 'user', content: 'the question' }] }],
      outputs: [{ answer: 'the answer' }],
      metadata: [{ comment: 'too vague', trace_id: TRACE, span_id: SPAN }],
      span_ids: [SPAN],
    });
  });

  it.each([
    ['no cookie', '', undefined],
    ["another user's cookie", 'tc_uid=00000000-0000-4000-8000-000000000000', undefined],
    ['a token for another span', undefined, { traceId: TRACE, spanId: '2222222222222222', userId: USER }],
    ['no token at all', undefined, null],
  ])('refuses %s with 403 and never calls Phoenix', async (_, cookie, claims) => {
    const body = claims === null ? { traceId: TRACE, spanId: SPAN } : { traceId: TRACE, spanId: SPAN, token: await token(claims) };
    const response = await post(body, cookie ?? `tc_uid=${USER}`);
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('feedback_forbidden');
    expect(requests).toHaveLength(0);
  });

  it.each([
    [{ traceId: TRACE, spanId: SPAN, token: 'x', answer: 'made up' }, 'answer'],
    [{ traceId: 'nope', spanId: SPAN, token: 'x' }, 'traceId'],
    [{ traceId: TRACE, spanId: SPAN, token: 'x', comment: 'c'.repeat(1001) }, 'comment'],
  ])('rejects %j with a 400 naming the field', async (body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(field);
  });

  it('409 when the turn never shows up in Phoenix, 502 when Phoenix refuses, 503 without Phoenix', async () => {
    spansVisibleAfter = 1000;
    const missing = await post({ traceId: TRACE, spanId: SPAN, token: await token() }, undefined, { waitMs: 50 });
    expect(missing.status).toBe(409);
    expect((await missing.json()).error.message).toContain('proj one');
    spansVisibleAfter = 0;
    uploadStatus = 422;
    const refused = await post({ traceId: TRACE, spanId: SPAN, token: await token() });
    expect(refused.status).toBe(502);
    const refusal = (await refused.json()).error;
    expect(refusal).toMatchObject({ code: 'phoenix_rejected', message: expect.stringContaining('HTTP 422') });
    expect(refusal.message).not.toContain('nope'); // Phoenix's own body stays in the server log
    const disabled = await handleDatasetRequest(
      new Request('http://app/x', { method: 'POST', headers: { 'content-type': 'application/json', cookie: `tc_uid=${USER}` }, body: JSON.stringify({ traceId: TRACE, spanId: SPAN, token: await token() }) }),
      { config: readConfig({ FEEDBACK_SIGNING_KEY: env.FEEDBACK_SIGNING_KEY }) },
    );
    expect(disabled.status).toBe(503);
  });
});
