/**
 * How the fake OpenAI server plays the guide's model: it calls the first tool the request offers
 * when the user's last message asks for one (with arguments made from the tool's JSON Schema, so any
 * tool the guide shows works), and notes when each request arrived.
 */
import assert from 'node:assert/strict';
import type { FakeOpenAI, FakeOpenAIRequest, FakeRequestBody, FakeToolCall } from '../lib/ai/testing/fake-openai-server.ts';

/** Put in a question, it makes the fake model call a tool. */
export const TOOL_REQUEST = '(use a tool)';

const arrivals = new WeakMap<FakeRequestBody, number>();

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  items?: JsonSchema;
  minimum?: number;
}

/** Notes when the request of `body` arrived (the fake calls its `toolCalls` and `words` options per request). */
export function noteArrival(body: FakeRequestBody): void {
  if (!arrivals.has(body)) arrivals.set(body, Date.now());
}

export function fakeToolCalls(body: FakeRequestBody): FakeToolCall[] | undefined {
  noteArrival(body);
  const messages = (body.messages ?? []) as { role: string; content?: unknown }[];
  const last = messages.at(-1);
  const tools = (body.tools ?? []) as { function: { name: string; parameters?: JsonSchema } }[];
  if (last?.role !== 'user' || !tools[0] || !textOf(last.content).includes(TOOL_REQUEST)) return undefined;
  return [{ name: tools[0].function.name, arguments: JSON.stringify(sample(tools[0].function.parameters ?? {})) }];
}

export type TimedRequest = FakeOpenAIRequest & { arrivedAt: number };

/** The `count` requests the fake got since index `since`, with their arrival times. */
export function requestsSince(fake: FakeOpenAI, since: number, count: number): TimedRequest[] {
  const requests = fake.requests.slice(since);
  assert.equal(requests.length, count, `the model was called ${requests.length} time(s), expected ${count}`);
  return requests.map((request) => {
    const arrivedAt = arrivals.get(request.body);
    assert.ok(arrivedAt, 'the fake noted when the request arrived');
    return { ...request, arrivedAt };
  });
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part: { text?: string }) => part.text ?? '').join('');
  return '';
}

/** A value valid for `schema` (the subset of JSON Schema tool inputs use). */
function sample(schema: JsonSchema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(value)]));
    case 'array':
      return schema.items ? [sample(schema.items)] : [];
    case 'string':
      return 'the quick brown fox';
    case 'number':
    case 'integer':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      return null;
  }
}
