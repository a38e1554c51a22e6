/**
 * Pure readings of an inspected span for the trace view: tree order, timing, OpenInference kind,
 * LLM messages, token counts, time to first token, exception.
 */
import { ATTR, MESSAGE_LIST } from '@/lib/tracing/vocabulary/semconv';
import type { Attributes, InspectedSpan } from './trace-api';

export interface SpanRow {
  span: InspectedSpan;
  depth: number;
  /** Offset from the trace start and duration, ms. */
  offsetMs: number;
  durationMs: number;
}

export interface ChatBubble {
  role: string;
  content: string;
  /** Reasoning content blocks (`message_content.type = "reasoning"`), shown apart from the answer. */
  reasoning?: string;
}

export const EXCEPTION_EVENT = 'exception';
const EXCEPTION = { TYPE: 'exception.type', MESSAGE: 'exception.message', STACKTRACE: 'exception.stacktrace' } as const;

const ns = (value: string) => BigInt(value);
const msBetween = (from: string, to: string) => Number(ns(to) - ns(from)) / 1e6;

/** Depth-first, children by start time; spans whose parent is missing are roots. */
export function orderSpans(spans: InspectedSpan[]): SpanRow[] {
  if (spans.length === 0) return [];
  const byStart = [...spans].sort((a, b) => (ns(a.startTimeUnixNano) < ns(b.startTimeUnixNano) ? -1 : 1));
  const traceStart = byStart[0]!.startTimeUnixNano;
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map<string, InspectedSpan[]>();
  for (const span of byStart) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : '';
    children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  const rows: SpanRow[] = [];
  const visit = (span: InspectedSpan, depth: number) => {
    rows.push({ span, depth, offsetMs: msBetween(traceStart, span.startTimeUnixNano), durationMs: spanDurationMs(span) });
    for (const child of children.get(span.spanId) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get('') ?? []) visit(root, 0);
  return rows;
}

export function spanDurationMs(span: InspectedSpan): number {
  return Math.max(0, msBetween(span.startTimeUnixNano, span.endTimeUnixNano));
}

export function spanKindOf(span: InspectedSpan): string {
  const kind = span.attributes[ATTR.SPAN_KIND];
  return typeof kind === 'string' ? kind.toUpperCase() : 'UNKNOWN';
}

export function statusLabel(code: number): 'OK' | 'ERROR' | 'UNSET' {
  return code === 1 ? 'OK' : code === 2 ? 'ERROR' : 'UNSET';
}

/**
 * `llm.input_messages.N.message.role/content` (or output) as chat bubbles, in index order; text
 * content blocks (`message.contents.K`) join into the content, reasoning blocks into `reasoning`.
 */
export function messagesOf(attributes: Attributes, list: 'input' | 'output'): ChatBubble[] {
  const prefix = `${list === 'input' ? MESSAGE_LIST.INPUT : MESSAGE_LIST.OUTPUT}.`;
  const byIndex = new Map<number, ChatBubble & { blocks: Map<number, { type?: string; text?: string }> }>();
  const block = new RegExp(`^${ATTR.MESSAGE_CONTENTS.replace('.', '\\.')}\\.(\\d+)\\.(.+)$`);
  for (const [key, value] of Object.entries(attributes)) {
    if (!key.startsWith(prefix)) continue;
    const match = /^(\d+)\.(.+)$/.exec(key.slice(prefix.length));
    if (!match) continue;
    const bubble = byIndex.get(Number(match[1])) ?? { role: '', content: '', blocks: new Map() };
    if (match[2] === ATTR.MESSAGE_ROLE) bubble.role = String(value);
    if (match[2] === ATTR.MESSAGE_CONTENT) bubble.content = String(value);
    const part = block.exec(match[2]!);
    if (part) {
      const entry = bubble.blocks.get(Number(part[1])) ?? {};
      if (part[2] === ATTR.MESSAGE_CONTENT_TYPE) entry.type = String(value);
      if (part[2] === ATTR.MESSAGE_CONTENT_TEXT) entry.text = String(value);
      bubble.blocks.set(Number(part[1]), entry);
    }
    byIndex.set(Number(match[1]), bubble);
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, { blocks, ...bubble }]) => {
      const ordered = [...blocks.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
      const text = (type: string) => ordered.filter((entry) => entry.type === type && entry.text !== undefined).map((entry) => entry.text).join('\n\n');
      const reasoning = text('reasoning');
      return { ...bubble, content: bubble.content || text('text'), ...(reasoning ? { reasoning } : {}) };
    });
}

export interface TokenCounts {
  prompt?: number;
  completion?: number;
  total?: number;
}

export function tokenCountsOf(attributes: Attributes): TokenCounts {
  const read = (key: string) => (typeof attributes[key] === 'number' ? (attributes[key] as number) : undefined);
  const counts: TokenCounts = {};
  const prompt = read(ATTR.LLM_TOKEN_COUNT_PROMPT);
  const completion = read(ATTR.LLM_TOKEN_COUNT_COMPLETION);
  const total = read(ATTR.LLM_TOKEN_COUNT_TOTAL);
  if (prompt !== undefined) counts.prompt = prompt;
  if (completion !== undefined) counts.completion = completion;
  if (total !== undefined) counts.total = total;
  return counts;
}

/**
 * Time to first token, ms: an attribute whose key mentions ttft (a number, in ms), else the first
 * event whose name mentions first_token / first token, measured from the span's start.
 */
export function timeToFirstTokenMs(span: InspectedSpan): number | undefined {
  for (const [key, value] of Object.entries(span.attributes)) {
    if (/ttft|time_to_first_token/i.test(key) && typeof value === 'number') return value;
  }
  const event = span.events.find((e) => isFirstTokenEvent(e.name));
  return event ? msBetween(span.startTimeUnixNano, event.timeUnixNano) : undefined;
}

export function isFirstTokenEvent(name: string): boolean {
  return /first[_ .-]?token/i.test(name);
}

export interface SpanException {
  type?: string;
  message?: string;
  stacktrace?: string;
}

export function exceptionOf(span: InspectedSpan): SpanException | undefined {
  const event = span.events.find((e) => e.name === EXCEPTION_EVENT);
  if (!event) return undefined;
  const text = (key: string) => (typeof event.attributes[key] === 'string' ? (event.attributes[key] as string) : undefined);
  return { type: text(EXCEPTION.TYPE), message: text(EXCEPTION.MESSAGE), stacktrace: text(EXCEPTION.STACKTRACE) };
}

/** Pretty JSON when a string attribute holds JSON (e.g. `llm.invocation_parameters`), else as is. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') {
    if (/^\s*[[{]/.test(value)) {
      try {
        return JSON.stringify(JSON.parse(value), null, 2);
      } catch {
        return value;
      }
    }
    return value;
  }
  return JSON.stringify(value);
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
