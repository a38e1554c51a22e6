import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import { handleChatRequest } from './handle-chat-request';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());
afterEach(() => vi.unstubAllEnvs());

const chat = () =>
  new Request('http://127.0.0.1/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'chat-1', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Hi' }] }] }),
  });

describe('a chat request to a server with a misconfigured provider', () => {
  it.each([
    [{ CHAT_PROVIDER: 'claude' }, /CHAT_PROVIDER must be one of openai, anthropic, google, openai-compatible, offline/],
    [{ CHAT_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: '' }, /CHAT_PROVIDER=anthropic needs ANTHROPIC_API_KEY/],
    [{ CHAT_PROVIDER: 'google', GOOGLE_GENERATIVE_AI_API_KEY: 'AIza-secret', GOOGLE_GENERATIVE_AI_BASE_URL: 'generativelanguage' }, /GOOGLE_GENERATIVE_AI_BASE_URL must be an http\(s\) URL/],
  ])('%o is a 500 naming the variable, before any span or upstream call', async (env, message) => {
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    const response = await handleChatRequest(chat());
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('provider_misconfigured');
    expect(body.error.message).toMatch(message);
    expect(JSON.stringify(body)).not.toContain('AIza-secret');
    expect(tracing.spans()).toEqual([]);
  });
});
