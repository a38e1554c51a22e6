import { describe, expect, it } from 'vitest';
import { errorResponse, HttpError } from './http-error';
import { methodNotAllowed } from './method-not-allowed';
import { readJsonBody } from './read-json-body';

const post = (body: BodyInit | null, contentType: string | null = 'application/json') =>
  new Request('http://x/api', { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {} });

async function status(request: Request, max = 100): Promise<[number, string]> {
  try {
    await readJsonBody(request, max);
    return [200, ''];
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return [error.status, error.code];
  }
}

describe('readJsonBody', () => {
  it('parses JSON', async () => {
    expect(await readJsonBody(post('{"a":1}'), 100)).toEqual({ a: 1 });
    expect(await readJsonBody(post('{"a":1}', 'application/json; charset=utf-8'), 100)).toEqual({ a: 1 });
  });

  it('maps bad bodies to 4xx codes', async () => {
    expect(await status(post('{"a":1}', 'text/plain'))).toEqual([415, 'unsupported_media_type']);
    expect(await status(post('{"a":1}', null))).toEqual([415, 'unsupported_media_type']);
    expect(await status(post(''))).toEqual([400, 'empty_body']);
    expect(await status(post('{nope'))).toEqual([400, 'invalid_json']);
    expect(await status(post(JSON.stringify({ a: 'x'.repeat(200) })))).toEqual([413, 'payload_too_large']);
  });

  it('enforces the limit while streaming, without trusting Content-Length', async () => {
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('xxxxxxxxxxxxxxxxxxxx'));
        c.close();
      },
    });
    const request = new Request('http://x/api', { method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(await status(request)).toEqual([413, 'payload_too_large']);
  });
});

describe('errorResponse', () => {
  it('renders HttpError as JSON and hides unexpected errors', async () => {
    const known = errorResponse(new HttpError(400, 'bad', 'Bad thing'));
    expect(known.status).toBe(400);
    expect(await known.json()).toEqual({ error: { code: 'bad', message: 'Bad thing' } });
    const unknown = errorResponse(new Error('secret internals at /srv/app.js:1'));
    expect(unknown.status).toBe(500);
    expect(JSON.stringify(await unknown.json())).not.toMatch(/secret|app\.js/);
  });
});

describe('methodNotAllowed', () => {
  it('answers 405 JSON naming the allowed methods', async () => {
    const response = methodNotAllowed(['POST'])(new Request('http://x/api/chat', { method: 'GET' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({ error: { code: 'method_not_allowed', message: 'GET is not supported here; use POST.' } });
  });
});
