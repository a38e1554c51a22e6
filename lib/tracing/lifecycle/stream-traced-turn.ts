/**
 * One traced `streamText` turn, for route handlers and server actions alike: opens the turn span
 * (AGENT with tools, CHAIN without), streams through the traced model (an LLM span per model call)
 * and the traced tools (a TOOL span per execution), and ends the turn exactly once — on finish, on
 * error (before or during the stream), on the client going away (`signal`, or `clientGone()` when
 * the response body is cancelled: on the edge runtime `request.signal` may not fire) or at the
 * deadline — each open LLM and TOOL span first, with its own partial state.
 */
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { isStepCount, streamText, type ModelMessage, type ToolSet } from 'ai';
import { appConfig } from '@/lib/config/app-config';
import { combineSignals } from '@/lib/http/combine-signals';
import type { PromptTemplate } from '../vocabulary/prompt-template';
import { OpenInferenceSpanKind } from '../vocabulary/semconv';
import { startChatTurn, type ChatTurn, type ChatTurnOptions } from './chat-turn';
import { outcomeOfAbort } from './span-lifecycle';
import type { ModelIdentity } from './traced-model';

export const DEFAULT_MAX_TOOL_STEPS = 5;

export interface TracedTurnOptions extends Omit<ChatTurnOptions, 'kind' | 'input'> {
  /** `input.value` of the turn; by default the text of the last user message. */
  input?: string;
  model: LanguageModelV4;
  /** Who serves the model (`llm.provider`, `llm.system`; Phoenix prices by them). */
  identity: ModelIdentity;
  /** Templates the system prompt may be rendered from (`llm.prompt_template.*`). */
  promptTemplates?: readonly PromptTemplate[];
  instructions?: string;
  messages: ModelMessage[];
  /** Tools the model may call: the turn is then an AGENT span, with at most `maxSteps` model calls. */
  tools?: ToolSet;
  maxSteps?: number;
  /** The AI SDK's retries (each attempt is its own LLM span); its default when unset. */
  maxRetries?: number;
  /** The client going away: pass `request.signal` in a route handler. */
  signal?: AbortSignal;
  /** Deadline of the whole turn; `CHAT_TURN_TIMEOUT_MS` (120 s) by default. */
  timeoutMs?: number;
}

export interface TracedTurn {
  turn: ChatTurn;
  result: ReturnType<typeof streamText>;
  /** Ends the turn as aborted because its response was cancelled (pass it to `abortOnCancel`). */
  clientGone: () => void;
}

export function streamTracedTurn(options: TracedTurnOptions): TracedTurn {
  const { model, identity, messages, tools, signal: clientSignal } = options;
  const turn = startChatTurn({
    name: options.name,
    input: options.input ?? lastUserText(messages),
    sessionId: options.sessionId,
    requestContext: options.requestContext,
    kind: tools ? OpenInferenceSpanKind.AGENT : OpenInferenceSpanKind.CHAIN,
    userId: options.userId,
    metadata: options.metadata,
    tags: options.tags,
  });
  // Not AbortSignal.timeout: its timer would keep the whole turn reachable for the full deadline
  // after the turn ended — under load, that is every recent turn in memory.
  const timeoutMs = options.timeoutMs ?? appConfig().chat.turnTimeoutMs;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DOMException(`The turn exceeded its ${timeoutMs} ms deadline.`, 'TimeoutError')), timeoutMs);
  const disconnect = new AbortController();
  const signal = combineSignals([deadline.signal, disconnect.signal, ...(clientSignal ? [clientSignal] : [])]);
  // The turn ends on its own abort even when nobody pulls the stream and streamText never calls
  // onAbort — after this dispatch's other listeners (the LLM span's), so each call ends itself first.
  const endOnAbort = () => queueMicrotask(() => void turn.end(outcomeOfAbort(signal)));
  signal.addEventListener('abort', endOnAbort, { once: true });
  void turn.ended.finally(() => {
    clearTimeout(timer);
    signal.removeEventListener('abort', endOnAbort);
  });
  const fail = (error: unknown): void => void turn.end({ type: 'error', error });

  const result = turn.run(() =>
    streamText({
      model: turn.traceModel(model, identity, { promptTemplates: options.promptTemplates }),
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
      instructions: options.instructions,
      messages,
      ...(tools ? { tools: turn.traceTools(tools), stopWhen: isStepCount(options.maxSteps ?? DEFAULT_MAX_TOOL_STEPS) } : {}),
      abortSignal: signal,
      onError: ({ error }) => fail(error),
      // A mid-stream error reaches onStepError, not onError.
      onStepError: ({ error }) => fail(error),
      onAbort: () => void turn.end(outcomeOfAbort(signal)),
      onEnd: (event) => {
        if (event.finishReason === 'error') fail(new Error('the model stream ended with an error'));
        else turn.end({ type: 'ok' });
      },
    }),
  );
  const clientGone = (): void => disconnect.abort(new DOMException('The client disconnected.', 'AbortError'));
  return { turn, result, clientGone };
}

/** The text of the last user message (its text parts joined). */
export function lastUserText(messages: readonly ModelMessage[]): string {
  const last = messages.findLast((message) => message.role === 'user');
  if (!last) return '';
  if (typeof last.content === 'string') return last.content;
  return last.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
}
