import { expect, test } from '@playwright/test';
import { E2E } from '../../playwright.config';
import { allSpans, kindOf } from '../support/turn-spans';
import { postChat } from '../support/read-chat-stream';

/**
 * Bad input against the built app (the shared `next start`): each request gets a 4xx JSON error
 * `{ error: { code, message } }` naming the problem, no stack trace, and no span; the server keeps
 * serving (a good turn afterwards works and is traced).
 */
const MARK = `rejected-${Date.now()}`;
const user = (text: string, id = 'm1') => ({ id, role: 'user', parts: [{ type: 'text', text }] });
const chat = (messages: unknown[], extra: Record<string, unknown> = {}) => ({ id: 'chat_rel', messages, ...extra });
const json = (body: unknown) => ({ body: JSON.stringify(body), type: 'application/json' });

interface Case {
  name: string;
  path?: string;
  method?: string;
  body?: string | Buffer;
  type?: string;
  status: number;
  code: string;
  message: RegExp;
}

const CHAT: Case[] = [
  { name: 'non-JSON body', body: `{${MARK}`, type: 'application/json', status: 400, code: 'invalid_json', message: /not valid JSON/ },
  { name: 'empty body', body: '', type: 'application/json', status: 400, code: 'empty_body', message: /empty/ },
  { name: 'body over the size limit', body: JSON.stringify(chat([user('x'.repeat(8 * 1024 * 1024))])), type: 'application/json', status: 413, code: 'payload_too_large', message: /limit/ },
  { name: 'wrong content type', ...json(chat([user(MARK)])), type: 'text/plain', status: 415, code: 'unsupported_media_type', message: /application\/json/ },
  { name: 'wrong method (PUT)', method: 'PUT', ...json(chat([user(MARK)])), status: 405, code: 'method_not_allowed', message: /PUT is not supported/ },
  { name: 'missing messages', ...json({ id: 'c1' }), status: 400, code: 'invalid_request', message: /messages/ },
  { name: 'empty messages', ...json(chat([])), status: 400, code: 'invalid_request', message: /at least one message/ },
  { name: 'client-supplied system message', ...json(chat([{ id: 's', role: 'system', parts: [{ type: 'text', text: MARK }] }, user(MARK)])), status: 400, code: 'invalid_request', message: /system prompt is set by the server/ },
  { name: 'unknown role', ...json(chat([{ ...user(MARK), role: 'wizard' }])), status: 400, code: 'invalid_request', message: /role must be/ },
  { name: 'unknown part type', ...json(chat([{ id: 'm', role: 'user', parts: [{ type: 'hologram', text: MARK }] }])), status: 400, code: 'invalid_request', message: /unknown part type/ },
  { name: 'message over the length limit', ...json(chat([user(`${MARK} ${'y'.repeat(200_001)}`)])), status: 400, code: 'invalid_request', message: /at most 200000 characters/ },
  { name: 'too many messages', ...json(chat(Array.from({ length: 101 }, (_, i) => user(MARK, `m${i}`)))), status: 400, code: 'invalid_request', message: /at most 100 messages/ },
  { name: 'non-string text', ...json(chat([{ id: 'm', role: 'user', parts: [{ type: 'text', text: 42 }] }])), status: 400, code: 'invalid_request', message: /text/ },
  { name: 'malformed chat id', ...json({ ...chat([user(MARK)]), id: '../../etc/passwd' }), status: 400, code: 'invalid_request', message: /id: may contain only/ },
  { name: 'unknown model name', ...json(chat([user(MARK)], { model: 'gpt-9-ultra' })), status: 400, code: 'unknown_model', message: /Unknown model "gpt-9-ultra".*offline-echo-1/ },
  { name: 'lone surrogate', body: `{"id":"c1","messages":[{"id":"m1","role":"user","parts":[{"type":"text","text":"${MARK} \\ud800 x"}]}]}`, type: 'application/json', status: 400, code: 'invalid_request', message: /unpaired UTF-16 surrogate/ },
  { name: 'NUL character', ...json(chat([user(`${MARK}\u0000x`)])), status: 400, code: 'invalid_request', message: /NUL character/ },
  { name: 'JSON array body', ...json([chat([user(MARK)])]), status: 400, code: 'invalid_request', message: /expected object/ },
  { name: 'last message from the assistant', ...json(chat([{ id: 'a', role: 'assistant', parts: [{ type: 'text', text: MARK }] }])), status: 400, code: 'invalid_request', message: /last message must be from the user/ },
  { name: 'javascript: image URL', ...json(chat([{ id: 'm', role: 'user', parts: [{ type: 'text', text: MARK }, { type: 'file', mediaType: 'image/png', url: 'javascript:alert(1)' }] }])), status: 400, code: 'invalid_request', message: /base64 image data URL/ },
];

const FEEDBACK: Case[] = [
  { name: 'feedback: invalid trace id', path: '/api/feedback', ...json({ traceId: 'xyz', spanId: 'a'.repeat(16), rating: 'up' }), status: 400, code: 'invalid_request', message: /traceId must be 32 lowercase hex/ },
  { name: 'feedback: all-zero span id', path: '/api/feedback', ...json({ traceId: 'a'.repeat(32), spanId: '0'.repeat(16), rating: 'up' }), status: 400, code: 'invalid_request', message: /spanId must not be all zeros/ },
  { name: 'feedback: unknown rating', path: '/api/feedback', ...json({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), rating: 'meh' }), status: 400, code: 'invalid_request', message: /rating must be/ },
  { name: 'feedback: unknown field', path: '/api/feedback', ...json({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), rating: 'up', admin: true }), status: 400, code: 'invalid_request', message: /admin/ },
  { name: 'feedback: NUL in comment', path: '/api/feedback', ...json({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), rating: 'up', comment: 'a\u0000b' }), status: 400, code: 'invalid_request', message: /NUL/ },
  { name: 'feedback: wrong method', path: '/api/feedback', method: 'GET', status: 405, code: 'method_not_allowed', message: /GET is not supported/ },
  { name: 'feedback: body too large', path: '/api/feedback', body: JSON.stringify({ comment: 'z'.repeat(9000) }), type: 'application/json', status: 413, code: 'payload_too_large', message: /limit/ },
];

test('bad input gets a 4xx JSON error naming the problem, no stack trace and no span; the server keeps serving', async ({ request }) => {
  const cases = [...CHAT, ...FEEDBACK];
  expect(cases.length).toBeGreaterThanOrEqual(20);
  for (const c of cases) {
    const response = await request.fetch(c.path ?? '/api/chat', {
      method: c.method ?? 'POST',
      headers: c.type ? { 'content-type': c.type } : {},
      data: c.body === undefined ? undefined : Buffer.from(c.body),
    });
    const text = await response.text();
    expect(response.status(), c.name).toBe(c.status);
    expect(response.headers()['content-type'], c.name).toMatch(/application\/json/);
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(body.error.code, c.name).toBe(c.code);
    expect(body.error.message, c.name).toMatch(c.message);
    expect(text, `${c.name}: no stack trace`).not.toMatch(/\n\s+at |\.(js|ts):\d+|node_modules/);
    expect(response.headers()['traceresponse'], c.name).toBeUndefined();
  }

  // The server still serves, and accepts right-to-left text and emoji as they are.
  const rtl = 'שלום 👋🏽 مرحبا';
  const good = await postChat(`${E2E.appUrl}/api/chat`, 'rel-after-bad', `${rtl} still fine?`);
  expect(good.status).toBe(200);
  expect(good.text.length).toBeGreaterThan(0);
  await expect.poll(async () => (await allSpans()).filter((s) => s.traceId === good.traceId).length, { timeout: 15_000 }).toBe(2);
  const ofGood = (await allSpans()).find((s) => s.traceId === good.traceId && kindOf(s) === 'AGENT')!;
  expect(ofGood.attributes['input.value']).toBe(`${rtl} still fine?`);
  // Once the good turn's spans are in, any span of a rejected request would be too: there is none.
  expect((await allSpans()).filter((s) => JSON.stringify(s.attributes).includes(MARK))).toEqual([]);
});
