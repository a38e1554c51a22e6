/**
 * The offline model: a real `LanguageModelV4` that needs no key and no network. It streams a
 * deterministic answer word by word and reports usage counted by a real tokenizer over the prompt it
 * received and the text it produced. Web APIs only (runs on the edge runtime too).
 */
import {
  APICallError,
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4Prompt,
  type LanguageModelV4StreamPart,
  type LanguageModelV4ToolCall,
} from '@ai-sdk/provider';
import {
  offlineAnswerFor,
  offlineReasoningFor,
  parseDirective,
  SLOW_MIN_DELAY_MS,
  SLOW_START_DELAY_MS,
  type OfflineDirective,
} from './offline-directives';
import { FOLLOW_UPS_REQUEST } from '@/lib/ai/follow-ups-prompt';
import { appConfig } from '@/lib/config/app-config';
import { composeFollowUps } from './offline-answer';
import { answerFromToolResults, planToolCall, toolResultsSinceLastUser, type PlannedToolCall } from './offline-tool-calls';
import { streamAnswer, usage } from './offline-stream';
import { messageText } from './token-count';

export const OFFLINE_MODEL_ID = 'offline-echo-1';
export { DEFAULT_OFFLINE_DELAY_MS } from '@/lib/config/config-defaults';

export interface OfflineModelOptions {
  /** Pause between words; default `OFFLINE_MODEL_DELAY_MS` or 25 ms. 0 streams without waiting. */
  delayMs?: number;
  modelId?: string;
}

export function createOfflineModel(options: OfflineModelOptions = {}): LanguageModelV4 {
  const modelId = options.modelId ?? OFFLINE_MODEL_ID;
  const baseDelay = options.delayMs ?? appConfig().chat.offlineDelayMs;
  return {
    specificationVersion: 'v4',
    provider: 'offline',
    modelId,
    // Image URLs are passed through, never downloaded by the AI SDK on the server.
    supportedUrls: { 'image/*': [/^https:\/\/.+/] },
    async doGenerate(call) {
      const { directive, answer, reasoning = '', toolCall } = plan(call);
      if (directive === 'fail' || directive === 'failMid') throw simulatedFailure();
      if (toolCall) {
        const part = toolCallPart(toolCall);
        return { content: [part], finishReason: TOOL_CALLS, usage: usage(call.prompt, part.input), warnings: [] };
      }
      return {
        content: [...(reasoning ? [{ type: 'reasoning' as const, text: reasoning }] : []), { type: 'text', text: answer }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: usage(call.prompt, answer, reasoning),
        warnings: [],
      };
    },
    async doStream(call) {
      const { directive, answer, reasoning = '', toolCall } = plan(call);
      if (directive === 'fail') throw simulatedFailure();
      if (toolCall) return { stream: streamToolCall(call, modelId, toolCallPart(toolCall)) };
      if (directive === 'slowStart') await firstByteDelay(call.abortSignal);
      const slow = directive === 'slow' || directive === 'slowStart';
      const delayMs = slow ? Math.max(baseDelay, SLOW_MIN_DELAY_MS) : baseDelay;
      return { stream: streamAnswer(call, modelId, { answer, reasoning }, delayMs, directive === 'failMid') };
    },
  };
}

interface Plan {
  directive?: OfflineDirective;
  answer: string;
  /** `/think`: streamed as reasoning parts before the answer. */
  reasoning?: string;
  toolCall?: PlannedToolCall;
}

function plan({ prompt, tools }: LanguageModelV4CallOptions): Plan {
  const users = prompt.filter((message) => message.role === 'user').map(messageText);
  const text = users.at(-1) ?? '';
  if (text === FOLLOW_UPS_REQUEST) return { answer: composeFollowUps(parseDirective(users.at(-2) ?? '').rest) };
  const results = toolResultsSinceLastUser(prompt);
  if (results.length > 0) return { answer: answerFromToolResults(results) };
  const { directive } = parseDirective(text);
  const images = imageCount(prompt.findLast((message) => message.role === 'user'));
  const toolNames = (tools ?? []).flatMap((tool) => (tool.type === 'function' ? [tool.name] : []));
  const toolCall = directive ? undefined : planToolCall(text, toolNames);
  const note = images > 0 ? ` (I received ${images} image${images === 1 ? '' : 's'}, but I cannot see images.)` : '';
  return { directive, answer: offlineAnswerFor(text) + note, reasoning: offlineReasoningFor(text), toolCall };
}

function imageCount(message: LanguageModelV4Prompt[number] | undefined): number {
  if (message?.role !== 'user') return 0;
  return message.content.filter((part) => part.type === 'file' && part.mediaType.startsWith('image/')).length;
}

const TOOL_CALLS = { unified: 'tool-calls', raw: 'tool_calls' } as const;
let toolCallCounter = 0;

function toolCallPart(planned: PlannedToolCall): LanguageModelV4ToolCall {
  toolCallCounter = (toolCallCounter + 1) % 1_000_000;
  return {
    type: 'tool-call',
    toolCallId: `call_offline_${Date.now().toString(36)}_${toolCallCounter}`,
    toolName: planned.toolName,
    input: JSON.stringify(planned.input),
  };
}

/** One step that only calls a tool: the AI SDK runs it and calls the model again with the result. */
function streamToolCall(call: LanguageModelV4CallOptions, modelId: string, part: LanguageModelV4ToolCall) {
  return new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      if (call.abortSignal?.aborted) return controller.error(call.abortSignal.reason);
      controller.enqueue({ type: 'stream-start', warnings: [] });
      controller.enqueue({ type: 'response-metadata', id: `offline-${Date.now().toString(36)}`, modelId, timestamp: new Date() });
      controller.enqueue({ type: 'tool-input-start', id: part.toolCallId, toolName: part.toolName });
      controller.enqueue({ type: 'tool-input-delta', id: part.toolCallId, delta: part.input });
      controller.enqueue({ type: 'tool-input-end', id: part.toolCallId });
      controller.enqueue(part);
      controller.enqueue({ type: 'finish', finishReason: TOOL_CALLS, usage: usage(call.prompt, part.input) });
      controller.close();
    },
  });
}

/** `/slow-start`: the provider's response takes a while; an abort rejects at once, as `fetch` would. */
function firstByteDelay(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, SLOW_START_DELAY_MS);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function simulatedFailure(): APICallError {
  return new APICallError({
    message: 'Offline model: simulated provider failure (/fail)',
    url: 'offline://model',
    requestBodyValues: {},
    statusCode: 500,
    isRetryable: false,
  });
}
