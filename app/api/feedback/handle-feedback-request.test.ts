import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleFeedbackRequest } from './handle-feedback-request';

const received: { url?: string; headers: IncomingMessage['headers']; body: unknown }[] = [];
let status = 200;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push({ url: req.url, headers: req.headers, body: JSON.parse(body) });
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status === 200 ? { data: [{ id: 'A1' }] } : { detail: 'nope' }));
  });
});
let phoenix = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  phoenix = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SPAN = 'b7ad6b7169203331';
const post = (body: unknown, env: Record<string, string>) =>
  handleFeedbackRequest(
    new Request('http://app/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    env,
  );

describe('POST /api/feedback', () => {
  it('records a span annotation on the given span in Phoenix, with the key server-side', async () => {
    status = 200;
    const response = await post({ traceId: TRACE, spanId: SPAN, rating: 'down', comment: 'wrong sum' }, {
      PHOENIX_COLLECTOR_ENDPOINT: `${phoenix}/v1/traces`,
      PHOENIX_API_KEY: 'k-123',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, annotationId: 'A1' });
    const last = received.at(-1)!;
    expect(last.url).toBe('/v1/span_annotations?sync=true');
    expect(last.headers.authorization).toBe('Bearer k-123');
    expect(last.body).toEqual({
      data: [
        {
          span_id: SPAN,
          name: 'user_feedback',
          annotator_kind: 'HUMAN',
          result: { label: 'thumbs-down', score: 0, explanation: 'wrong sum' },
          metadata: { trace_id: TRACE, source: 'traced-chat' },
        },
      ],
    });
  });

  it('says feedback is not recorded when no Phoenix is configured (503)', async () => {
    const response = await post({ traceId: TRACE, spanId: SPAN, rating: 'up' }, {});
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('feedback_disabled');
  });

  it('maps a Phoenix refusal to 502 with its status', async () => {
    status = 404;
    const response = await post({ traceId: TRACE, spanId: SPAN, rating: 'up' }, { PHOENIX_COLLECTOR_ENDPOINT: phoenix });
    expect(response.status).toBe(502);
    expect((await response.json()).error.message).toContain('HTTP 404');
  });

  it.each([
    [{ traceId: TRACE, spanId: 'XYZ', rating: 'up' }, 'spanId'],
    [{ traceId: TRACE, spanId: '0000000000000000', rating: 'up' }, 'spanId: spanId must not be all zeros'],
    [{ traceId: 'short', spanId: SPAN, rating: 'up' }, 'traceId'],
    [{ traceId: TRACE, spanId: SPAN, rating: 'meh' }, 'rating'],
    [{ traceId: TRACE, spanId: SPAN, rating: 'up', comment: 'x'.repeat(1001) }, 'comment'],
    [{ traceId: TRACE, spanId: SPAN, rating: 'up', extra: 1 }, 'extra'],
  ])('rejects %j with a 400 naming the field', async (body, field) => {
    const before = received.length;
    const response = await post(body, { PHOENIX_COLLECTOR_ENDPOINT: phoenix });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(field);
    expect(received.length).toBe(before);
  });
});
