/**
 * Test-only: what every provider's traced turn must show when the provider refuses the request, fails
 * mid-stream or the user stops it — the same checks for Anthropic, Gemini and the OpenAI-compatible
 * servers, so a provider test states only what differs.
 */
import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { expect } from 'vitest';
import type { TracedTurn } from './traced-turn';

/** The message of the span's recorded exception. */
export function exceptionMessage(span: ReadableSpan): unknown {
  return span.events.find((e) => e.name === 'exception')?.attributes?.['exception.message'];
}

/** An HTTP error from the provider: the LLM and the turn span end with ERROR and its message; no token counts (unknown, not 0). */
export function expectRefusedTurn({ llm, turn }: Pick<TracedTurn, 'llm' | 'turn'>, message: RegExp): void {
  for (const span of [llm, turn]) {
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(exceptionMessage(span)).toMatch(message);
  }
  expect(llm.attributes['llm.token_count.prompt']).toBeUndefined();
}

/** An error mid-stream: the LLM span ends with ERROR and the error's message, keeping the output streamed so far. */
export function expectFailedMidStream(llm: ReadableSpan, partial: string, message: RegExp): void {
  expect(llm.status.code).toBe(SpanStatusCode.ERROR);
  expect(llm.attributes['stream.outcome']).toBe('error');
  expect(llm.attributes['output.value']).toBe(partial);
  expect(exceptionMessage(llm)).toMatch(message);
}

/** Stop: the LLM span ends as aborted (not an error), keeping the output streamed so far. */
export function expectStopped(llm: ReadableSpan, partial: string): void {
  expect(llm.attributes['stream.outcome']).toBe('aborted');
  expect(llm.status.code).not.toBe(SpanStatusCode.ERROR);
  expect(llm.attributes['output.value']).toBe(partial);
}

/** A completed turn: both spans OK; the model's reasoning stays out of `output.value` and the API key out of every attribute. */
export function expectCompletedTurn({ llm, turn }: Pick<TracedTurn, 'llm' | 'turn'>, hidden: { reasoning: string; apiKey: string }): void {
  expect(String(llm.attributes['output.value'])).not.toContain(hidden.reasoning);
  expect(JSON.stringify(llm.attributes)).not.toContain(hidden.apiKey);
  expect(llm.status.code).toBe(SpanStatusCode.OK);
  expect(turn.status.code).toBe(SpanStatusCode.OK);
}

/** The calculator turn (`What is 17*23?` with the chat's tools): AGENT → LLM (tool call) → TOOL → LLM (answer), all OK. */
export function expectCalculatorTurn({ text, llms, tools, turn }: TracedTurn): void {
  expect(text).toBe('17*23 = 391.');
  expect(llms).toHaveLength(2);
  expect(llms[0]!.attributes).toMatchObject({
    'llm.finish_reason': 'tool-calls',
    'llm.output_messages.0.message.tool_calls.0.tool_call.function.name': 'calculator',
    'llm.output_messages.0.message.tool_calls.0.tool_call.function.arguments': '{"expression":"17*23"}',
  });
  expect(tools).toHaveLength(1);
  expect(tools[0]!.attributes['output.value']).toContain('391');
  expect(llms[1]!.attributes).toMatchObject({ 'output.value': '17*23 = 391.', 'llm.finish_reason': 'stop' });
  expect(turn.status.code).toBe(SpanStatusCode.OK);
}
