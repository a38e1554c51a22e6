/**
 * The traced path every chat entry point shares (route handlers and server actions): opens the
 * turn's span (AGENT with tools, CHAIN without), streams the completion through a traced model (one
 * LLM span per model call) and traced tools (one TOOL span per execution),
 * and ends the turn exactly once — on finish, error, client abort or timeout — with its output.
 */
import { convertToModelMessages, isStepCount, streamText, type ToolSet } from 'ai';
import type { Context } from '@opentelemetry/api';
import { getLanguageModel } from '@/lib/ai/get-language-model';
import { appConfig } from '@/lib/config/app-config';
import { stallTimeoutMs, withStallTimeout } from '@/lib/ai/stall-timeout';
import { HttpError } from '@/lib/http/http-error';
import { SYSTEM_PROMPT, SYSTEM_PROMPT_TEMPLATE } from '@/lib/ai/system-prompt';
import { startChatTurn, type ChatTurn } from '@/lib/tracing/lifecycle/chat-turn';
import { OpenInferenceSpanKind } from '@/lib/tracing/vocabulary/semconv';
import { outcomeOfAbort } from '@/lib/tracing/lifecycle/span-lifecycle';
import { MAX_TOOL_STEPS } from '@/lib/ai/tools/chat-tools';
import type { ChatMessage } from './chat-message';
import { combineSignals } from '../http/combine-signals';

export { DEFAULT_MODEL_MAX_RETRIES, DEFAULT_TURN_TIMEOUT_MS } from '@/lib/config/config-defaults';

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
  const modelMessages = await toModelMessages(input.messages);
  const config = appConfig();
  const { model, identity } = getLanguageModel(config);
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
  // Not AbortSignal.timeout: its timer would keep the whole turn reachable for the full deadline
  // (120 s) after the turn ended — under load, that is every recent turn in memory.
  const timeoutMs = input.timeoutMs ?? config.chat.turnTimeoutMs;
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException(`The turn exceeded its ${timeoutMs} ms deadline.`, 'TimeoutError')),
    timeoutMs,
  );
  // The client going away as the response stream sees it (cancelled): on a cold edge start the
  // request's own signal may never fire, so this one does not depend on it.
  const disconnect = new AbortController();
  const signal = combineSignals([input.signal, deadline.signal, disconnect.signal]);
  // The turn ends on its own abort (client gone, deadline), even when nobody pulls the stream and
  // streamText never calls onAbort. After the listeners of this dispatch (the LLM span's own), so
  // each model call ends itself first, with its own state.
  const endOnAbort = () => queueMicrotask(() => void turn.end(outcomeOfAbort(signal)));
  signal.addEventListener('abort', endOnAbort, { once: true });
  void turn.ended.finally(() => {
    clearTimeout(timer);
    signal.removeEventListener('abort', endOnAbort);
  });
  const fail = (error: unknown): void => void turn.end({ type: 'error', error });

  const result = turn.run(() =>
    streamText({
      model: turn.traceModel(withStallTimeout(model, stallTimeoutMs(config)), identity, { promptTemplates: [SYSTEM_PROMPT_TEMPLATE] }),
      // CHAT_MODEL_MAX_RETRIES (default 2; 0 turns retries off). Each attempt is its own LLM span.
      maxRetries: config.chat.modelMaxRetries,
      instructions: input.instructions ?? SYSTEM_PROMPT,
      messages: modelMessages,
      ...(input.tools ? { tools: turn.traceTools(input.tools), stopWhen: isStepCount(MAX_TOOL_STEPS) } : {}),
      abortSignal: signal,
      onError: ({ error }) => fail(error),
      onStepError: ({ error }) => fail(error),
      onAbort: () => void turn.end(outcomeOfAbort(signal)),
      onEnd: (event) => {
        if (event.finishReason === 'error') fail(new Error('the model stream ended with an error'));
        else turn.end({ type: 'ok' });
      },
    }),
  );
  /** Aborts the turn because its response stream was cancelled (the client went away). */
  const clientGone = (): void => disconnect.abort(new DOMException('The client disconnected.', 'AbortError'));
  return { turn, result, modelId: model.modelId, clientGone };
}

export function lastUserText(messages: readonly ChatMessage[]): string {
  const last = messages.findLast((message) => message.role === 'user');
  return last?.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('') ?? '';
}

/** Messages the AI SDK cannot convert are the client's fault: a 400, not a 500. */
async function toModelMessages(messages: ChatMessage[]) {
  try {
    return await convertToModelMessages(messages);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unsupported content';
    throw new HttpError(400, 'invalid_messages', `The messages cannot be sent to the model: ${detail}`);
  }
}
