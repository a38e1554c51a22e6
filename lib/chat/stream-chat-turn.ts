/**
 * The chat's turn, shared by every entry point (route handlers and server actions): this app's model
 * (with its stall timeout), system prompt and tools, over the one traced turn of
 * lib/tracing/lifecycle/stream-traced-turn.ts (the turn span, LLM and TOOL spans, ended exactly once
 * on finish, error, client abort or timeout).
 */
import { convertToModelMessages, type ToolSet } from 'ai';
import type { Context } from '@opentelemetry/api';
import { getLanguageModel } from '@/lib/ai/get-language-model';
import { appConfig } from '@/lib/config/app-config';
import { stallTimeoutMs, withStallTimeout } from '@/lib/ai/stall-timeout';
import { HttpError } from '@/lib/http/http-error';
import { SYSTEM_PROMPT, SYSTEM_PROMPT_TEMPLATE } from '@/lib/ai/system-prompt';
import { streamTracedTurn } from '@/lib/tracing/lifecycle/stream-traced-turn';
import { MAX_TOOL_STEPS } from '@/lib/ai/tools/chat-tools';
import type { ChatMessage } from './chat-message';

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
  const { turn, result, clientGone } = streamTracedTurn({
    name: input.name,
    sessionId: input.sessionId,
    requestContext: input.requestContext,
    userId: input.userId,
    metadata: input.metadata,
    tags: input.tags,
    model: withStallTimeout(model, stallTimeoutMs(config)),
    identity,
    promptTemplates: [SYSTEM_PROMPT_TEMPLATE],
    instructions: input.instructions ?? SYSTEM_PROMPT,
    messages: modelMessages,
    tools: input.tools,
    maxSteps: MAX_TOOL_STEPS,
    // CHAT_MODEL_MAX_RETRIES (default 2; 0 turns retries off). Each attempt is its own LLM span.
    maxRetries: config.chat.modelMaxRetries,
    signal: input.signal,
    timeoutMs: input.timeoutMs,
  });
  return { turn, result, modelId: model.modelId, clientGone };
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
