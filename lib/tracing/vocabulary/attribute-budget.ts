/**
 * The attribute budget of one span. The OTel SDK keeps at most `attributeCountLimit` attributes per
 * span and silently drops every later one — and the attributes that matter most on an LLM span
 * (output, token counts, finish reason, `stream.outcome`) are set last, when the stream closes. So:
 *
 * - the count limit is raised to `SPAN_ATTRIBUTE_COUNT_LIMIT` (1024, from the SDK's 128);
 * - what a request may add is bounded below it: the flattened input messages get at most
 *   `INPUT_MESSAGE_ATTRIBUTE_BUDGET` attributes and `INPUT_MESSAGE_CHAR_BUDGET` characters (newest
 *   messages kept, the system prompt always; `llm.input_messages_omitted` says how many were left
 *   out), offered tools at most `MAX_FLATTENED_TOOLS`, output tool calls `MAX_FLATTENED_OUTPUT_TOOL_CALLS`;
 * - everything else on a span is a fixed, small set (`RESERVED_ATTRIBUTES` covers it with room).
 *
 * Ours (openinference-core's builders flatten whatever they are given; the budget decides what they get).
 *
 * Worst case: 7 request + 4 context + 64 tools + 640 input-message + 1 omitted + 194 output-message
 * + 14 close-time = 924 < 1024, so nothing is ever dropped (see docs/attributes.md "Attribute budget").
 */
import type { TracingConfig } from '@/lib/config/config-types';
import { DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT, SPAN_ATTRIBUTE_COUNT_LIMIT } from '@/lib/config/config-defaults';
import type { OIMessage } from './message-attributes';

/** 1024 attributes per span; values of at most 64 KiB (so one huge message cannot make an oversized export). */
export { DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT, SPAN_ATTRIBUTE_COUNT_LIMIT };
export const INPUT_MESSAGE_ATTRIBUTE_BUDGET = 640;
/** Characters of flattened input-message values per span (each value counted up to the length limit). */
export const INPUT_MESSAGE_CHAR_BUDGET = 1024 * 1024;
export const MAX_FLATTENED_TOOLS = 64;
export const MAX_FLATTENED_OUTPUT_TOOL_CALLS = 64;
/** Everything that is not input messages, tools or output messages, with room for new conventions. */
export const RESERVED_ATTRIBUTES =
  SPAN_ATTRIBUTE_COUNT_LIMIT - INPUT_MESSAGE_ATTRIBUTE_BUDGET - MAX_FLATTENED_TOOLS - (2 + 3 * MAX_FLATTENED_OUTPUT_TOOL_CALLS);

/**
 * Span limits for the provider: the budget above, both limits overridable by the standard variables
 * (`OTEL_SPAN_ATTRIBUTE_COUNT_LIMIT`, `OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT` and their `OTEL_ATTRIBUTE_*`
 * fallbacks, read by lib/config).
 */
export function getSpanLimits(
  tracing: Pick<TracingConfig, 'spanLimits'> = { spanLimits: { attributeCountLimit: SPAN_ATTRIBUTE_COUNT_LIMIT, attributeValueLengthLimit: DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT } },
): { attributeCountLimit: number; attributeValueLengthLimit: number } {
  return { ...tracing.spanLimits };
}

export interface BudgetedMessages {
  /** The messages to flatten: leading system messages, then the newest ones that fit. */
  kept: OIMessage[];
  /** How many messages (older ones) were left out of the flattened list. */
  omitted: number;
}

/**
 * Keeps the leading system messages and then as many of the newest messages as fit the attribute and
 * character budgets (a contiguous run ending at the last message; the last message always fits —
 * see the schema's limits in `app/api/chat/schema.ts`).
 */
export function budgetInputMessages(messages: readonly OIMessage[]): BudgetedMessages {
  let head = 0;
  while (head < messages.length && messages[head]!.role === 'system') head++;
  let count = 0;
  let chars = 0;
  for (let i = 0; i < head; i++) {
    count += attributeCount(messages[i]!);
    chars += charCount(messages[i]!);
  }
  let first = messages.length;
  while (first > head) {
    const message = messages[first - 1]!;
    const nextCount = count + attributeCount(message);
    const nextChars = chars + charCount(message);
    const isLast = first === messages.length;
    if (!isLast && (nextCount > INPUT_MESSAGE_ATTRIBUTE_BUDGET || nextChars > INPUT_MESSAGE_CHAR_BUDGET)) break;
    count = nextCount;
    chars = nextChars;
    first--;
  }
  return { kept: [...messages.slice(0, head), ...messages.slice(first)], omitted: first - head };
}

/** How many attributes `getMessageAttributes` writes for `message`. */
export function attributeCount(message: OIMessage): number {
  return (
    1 +
    (message.content !== undefined ? 1 : 0) +
    2 * (message.contents?.length ?? 0) +
    (message.toolCallId !== undefined ? 1 : 0) +
    3 * (message.toolCalls?.length ?? 0)
  );
}

function charCount(message: OIMessage): number {
  const values = [
    message.content ?? '',
    ...(message.contents ?? []).map((part) => (part.type === 'image' ? part.url : part.text)),
    ...(message.toolCalls ?? []).map((call) => call.arguments),
  ];
  return values.reduce((sum, value) => sum + Math.min(value.length, DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT), 0);
}
