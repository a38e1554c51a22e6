/**
 * Driving the app for the real-Phoenix specs: chat turns over HTTP and in the browser, and the fake
 * upstream's usage, which is what the provider "reported" and so what Phoenix must show.
 */
import type { Page } from '@playwright/test';
import type { FakeRequestBody, FakeUsage } from '../../lib/ai/testing/fake-openai-server';
import type { Runtime } from '../support/chat-page';
import { CHAT_ROUTE, ChatPage } from '../support/chat-page';
import type { PhoenixApp } from './phoenix-app';

export interface UiMessage {
  id: string;
  role: 'user' | 'assistant';
  parts: { type: 'text'; text: string }[];
}

export interface TurnResponse {
  status: number;
  body: string;
  traceId: string;
  /** The turn (root) span id, from `traceresponse`. */
  spanId: string;
  headers: Headers;
}

/** Posts one chat turn to the app's chat route and reads the whole streamed answer. */
export async function postTurn(app: PhoenixApp, sessionId: string, messages: UiMessage[], runtime: Runtime = 'nodejs', cookie?: string): Promise<TurnResponse> {
  const response = await fetch(`${app.url}${CHAT_ROUTE[runtime]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ id: sessionId, messages }),
  });
  const body = await response.text();
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-/.exec(response.headers.get('traceresponse') ?? '');
  return { status: response.status, body, traceId: match?.[1] ?? '', spanId: match?.[2] ?? '', headers: response.headers };
}

export function userMessage(text: string, id = `u-${Math.random().toString(36).slice(2, 10)}`): UiMessage {
  return { id, role: 'user', parts: [{ type: 'text', text }] };
}

/** `count` earlier messages (user/assistant alternating, each about `chars` long), then `last` from the user. */
export function longChat(count: number, last: string, chars = 400): UiMessage[] {
  const messages: UiMessage[] = [];
  for (let i = 0; i < count; i++) {
    const role = i % 2 === 0 ? 'user' : 'assistant';
    const text = `${role === 'user' ? 'Question' : 'Answer'} ${i + 1}: ${'lorem ipsum dolor sit amet '.repeat(Math.ceil(chars / 27))}`.slice(0, chars);
    messages.push({ id: `m${i}`, role, parts: [{ type: 'text', text }] });
  }
  messages.push(userMessage(last, `m${count}`));
  return messages;
}

/** The text of the streamed answer: the concatenated `text-delta` parts of an AI SDK UI message stream. */
export function streamedText(body: string): string {
  let text = '';
  for (const line of body.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    const part = JSON.parse(line.slice(6)) as { type: string; delta?: string };
    if (part.type === 'text-delta') text += part.delta ?? '';
  }
  return text;
}

/**
 * Usage the way a real provider reports it, different for every request: prompt tokens grow with
 * the prompt, later turns of a chat read part of it from the prompt cache, completion tokens follow
 * the answer. (So a test cannot pass with counts that came from anywhere but this report.)
 */
export function realisticUsage(body: FakeRequestBody, words: string[]): FakeUsage {
  const promptChars = JSON.stringify(body.messages ?? []).length + JSON.stringify(body.tools ?? []).length;
  const prompt = Math.ceil(promptChars / 4);
  const messages = Array.isArray(body.messages) ? body.messages.length : 0;
  const cached = messages > 3 ? Math.floor(prompt / 128) * 64 : 0;
  const completion = words.length ? words.join('').length : 12;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, prompt_tokens_details: { cached_tokens: cached } };
}

/** Opens the chat UI of `app` in `page` and picks the runtime. */
export async function openChat(page: Page, app: PhoenixApp, runtime: Runtime = 'nodejs'): Promise<ChatPage> {
  const chat = new ChatPage(page);
  await chat.open(runtime, app.url);
  return chat;
}

/** Open spans on the app's server (TRACE_DIAGNOSTICS=1): 0 once every turn ended. */
export async function openSpans(app: PhoenixApp): Promise<number> {
  const body = (await (await fetch(`${app.url}/api/diagnostics`)).json()) as { openSpans: number };
  return body.openSpans;
}
