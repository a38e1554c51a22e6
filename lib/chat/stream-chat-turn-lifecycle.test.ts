/**
 * Every way a turn ends, on `@vercel/otel`'s real SDK (which force-ends the open spans of a trace when
 * its root ends): each span of ours ends once, by us, with its outcome, child before parent.
 */
import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { tool } from 'ai';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { chatTools } from '@/lib/ai/tools/chat-tools';
import { forceEndedSpans, spanByKind } from '@/lib/tracing/testing/in-memory-tracing';
import type { ChatMessage } from './chat-message';
import { streamChatTurn, type ChatTurnInput } from './stream-chat-turn';
import { ask, useOfflineTurnTracing } from './testing/offline-turn-tracing';

const { tracing, endedSpans } = useOfflineTurnTracing();
const kind = (span: ReadableSpan) => span.attributes['openinference.span.kind'];

async function runTurn(input: Partial<ChatTurnInput> & { messages: ChatMessage[] }, whileStreaming?: () => void) {
  const { turn, result } = await streamChatTurn({ sessionId: 's', signal: new AbortController().signal, ...input });
  const stream = result.toUIMessageStream({ onError: (e) => (e as Error).message });
  whileStreaming?.();
  for await (const chunk of stream) void chunk;
  return endedSpans(turn.ended);
}

/** The real @vercel/otel processor, so the checks above can fail. */
describe('the test provider', () => {
  it('force-ends an open child when its root ends, as @vercel/otel does in production', () => {
    const tracer = trace.getTracer('probe');
    const root = tracer.startSpan('root', { root: true });
    const child = tracer.startSpan('child', {}, trace.setSpan(ROOT_CONTEXT, root));
    root.end();
    expect((child as unknown as { ended: boolean }).ended).toBe(true);
    expect(forceEndedSpans(tracing.spans())).toEqual(['child', 'root']);
  });
});

describe('a turn ends its open children first, on every path', () => {
  it('Stop before the first byte: the LLM span is aborted with stream.outcome, not bare', async () => {
    const abort = new AbortController();
    const spans = await runTurn({ messages: ask('/slow-start story'), signal: abort.signal }, () =>
      setTimeout(() => abort.abort(new Error('client closed')), 150),
    );
    const llm = spanByKind(spans, 'LLM');
    expect(llm.attributes).toMatchObject({ 'stream.outcome': 'aborted', 'stream.abort_reason': 'client closed' });
    expect(llm.events.map((e) => e.name)).toContain('stream.aborted');
    expect(llm.attributes['output.value']).toBeUndefined();
    expect(llm.attributes['llm.output_messages.0.message.role']).toBeUndefined();
    expect(spanByKind(spans, 'CHAIN').attributes['stream.outcome']).toBe('aborted');
  });

  it('deadline before the first byte: both spans time out (ERROR)', async () => {
    const spans = await runTurn({ messages: ask('/slow-start story'), timeoutMs: 200 });
    for (const span of [spanByKind(spans, 'LLM'), spanByKind(spans, 'CHAIN')]) {
      expect(span.attributes['stream.outcome']).toBe('timeout');
      expect(span.status.code).toBe(SpanStatusCode.ERROR);
    }
  });

  it('mid-stream error: the LLM span keeps its partial output and first-token event', async () => {
    const spans = await runTurn({ messages: ask('/fail-mid now') });
    const llm = spanByKind(spans, 'LLM');
    expect(llm.attributes['stream.outcome']).toBe('error');
    expect(String(llm.attributes['output.value']).length).toBeGreaterThan(0);
    expect(llm.events.map((e) => e.name)).toContain('First Token Stream Event');
    expect(spanByKind(spans, 'CHAIN').status.code).toBe(SpanStatusCode.ERROR);
  });

  it('Stop during an async tool: the TOOL span is aborted by us, before the AGENT span', async () => {
    const abort = new AbortController();
    let started!: () => void;
    const toolStarted = new Promise<void>((resolve) => (started = resolve));
    const slowCalculator = tool({
      description: chatTools.calculator.description,
      inputSchema: z.object({ expression: z.string() }),
      // A tool that ignores the signal: the span must still end when the user stops.
      execute: async () => {
        started();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return { result: 0 };
      },
    });
    const spans = await runTurn({ messages: ask('calculate 2+2'), signal: abort.signal, tools: { calculator: slowCalculator } }, () =>
      void toolStarted.then(() => abort.abort(new Error('user pressed Stop'))),
    );
    const toolSpan = spanByKind(spans, 'TOOL');
    expect(toolSpan.attributes['stream.outcome']).toBe('aborted');
    expect(toolSpan.attributes['tool.id']).toMatch(/^call_/);
    expect(toolSpan.attributes['output.value']).toBeUndefined();
    expect(spanByKind(spans, 'AGENT').attributes['stream.outcome']).toBe('aborted');
    expect(spans.filter((s) => kind(s) === 'LLM').every((s) => s.attributes['stream.outcome'] !== undefined)).toBe(true);
  });

  it('runs a tool with its TOOL span active: spans created inside are its children', async () => {
    const traced = tool({
      description: chatTools.calculator.description,
      inputSchema: z.object({ expression: z.string() }),
      execute: async ({ expression }) => {
        const inner = trace.getTracer('tool-internals').startSpan('db lookup');
        inner.setAttribute('stream.outcome', 'completed'); // so the force-end check accepts it
        await new Promise((resolve) => setTimeout(resolve, 5));
        inner.end();
        return { expression, result: 4 };
      },
    });
    const spans = await runTurn({ messages: ask('calculate 2+2'), tools: { calculator: traced } });
    const inner = spans.find((s) => s.name === 'db lookup')!;
    expect(inner.parentSpanContext?.spanId).toBe(spanByKind(spans, 'TOOL').spanContext().spanId);
  });

  it('a tool-call-only step writes no empty output value or output message content', async () => {
    const spans = await runTurn({ messages: ask('calculate 17*23'), tools: chatTools });
    const step = spans.find((s) => kind(s) === 'LLM' && s.attributes['llm.finish_reason'] === 'tool-calls')!;
    expect(step.attributes['output.value']).toBeUndefined();
    expect(step.attributes['output.mime_type']).toBeUndefined();
    expect(step.attributes['llm.output_messages.0.message.content']).toBeUndefined();
    expect(step.attributes['llm.output_messages.0.message.role']).toBe('assistant');
    expect(step.attributes['llm.output_messages.0.message.tool_calls.0.tool_call.function.name']).toBe('calculator');
    expect(step.attributes['stream.outcome']).toBe('completed');
  });
});
