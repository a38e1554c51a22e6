/**
 * The traced path every chat entry point shares (route handlers and server actions): opens the
 * turn's span (AGENT with tools, CHAIN without), streams the completion through a traced model (one
 * LLM span per model call) and traced tools (one TOOL span per execution),
 * and ends the turn exactly once — on finish, error, client abort or timeout — with its output.
 */
import { convertToModelMessages, isStepCount, streamText, type ToolSet } from 'ai';
import type { Context } from '@opentelemetry/api';
import { getLanguageModel } from '@/lib/ai/get-language-model';
import { SYSTEM_PROMPT } from '@/lib/ai/system-prompt';
import { startChatTurn, type ChatTurn } from '@/lib/tracing/chat-turn';
import { OpenInferenceSpanKind } from '@/lib/tracing/semconv';
import { outcomeOfAbort } from '@/lib/tracing/span-lifecycle';
import { MAX_TOOL_STEPS } from '@/lib/ai/tools/chat-tools';
import type { ChatMessage } from './chat-message';
import { combineSignals } from './combine-signals';

export const DEFAULT_TURN_TIMEOUT_MS = 120_000;

export interface ChatTurnInput {
  /** Name of the turn span; `chat turn` by default. */
  name?: string;
  /** Instructions (system prompt); the chat's own by default. */
  instructions?: string;
  sessionId: string;
  messages: ChatMessage[];
  /** Aborts the turn (the request's signal: a closed connection or the Stop button). */
  signal: AbortSignal;
  requestContext?: Context;
  timeoutMs?: number;
  /** Tools the model may call (then the turn is an AGENT span, with at most MAX_TOOL_STEPS steps). */
  tools?: ToolSet;
  /** A stable anonymous id of the user (`user.id`). */
  userId?: string;
  /** `metadata` (a JSON object) and `tag.tags` of every span of the turn. */
  metadata?: Record<string, unknown>;
  tags?: string[];
}

export async function streamChatTurn(input: ChatTurnInput) {
  const modelMessages = await convertToModelMessages(input.messages);
  const { model, identity } = getLanguageModel();
  const turn: ChatTurn = startChatTurn({
    name: input.name,
    input: lastUserText(input.messages),
    sessionId: input.sessionId,
    requestContext: input.requestContext,
    kind: input.tools ? OpenInferenceSpanKind.AGENT : OpenInferenceSpanKind.CHAIN,
    userId: input.userId,
    metadata: input.metadata,
    tags: input.tags,
  });
  const signal = combineSignals([input.signal, AbortSignal.timeout(input.timeoutMs ?? turnTimeoutMs())]);
  const text: string[] = [];
  const output = () => text.join('');
  const fail = (error: unknown): void => void turn.end({ type: 'error', error }, output());

  const result = turn.run(() =>
    streamText({
      model: turn.traceModel(model, identity),
      instructions: input.instructions ?? SYSTEM_PROMPT,
      messages: modelMessages,
      ...(input.tools ? { tools: turn.traceTools(input.tools), stopWhen: isStepCount(MAX_TOOL_STEPS) } : {}),
      abortSignal: signal,
      onChunk: ({ chunk }) => {
        if (chunk.type === 'text-delta') text.push(chunk.text);
      },
      onError: ({ error }) => fail(error),
      onStepError: ({ error }) => fail(error),
      onAbort: () => void turn.end(outcomeOfAbort(signal), output()),
      onEnd: (event) => {
        if (event.finishReason === 'error') fail(new Error('the model stream ended with an error'));
        else turn.end({ type: 'ok' }, output());
      },
    }),
  );
  return { turn, result, modelId: model.modelId };
}

export function lastUserText(messages: readonly ChatMessage[]): string {
  const last = messages.findLast((message) => message.role === 'user');
  return last?.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('') ?? '';
}

function turnTimeoutMs(): number {
  const value = Number(process.env.CHAT_TURN_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_TURN_TIMEOUT_MS;
}
