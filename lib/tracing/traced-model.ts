/**
 * Wraps a `LanguageModelV4` so each model call gets its own OpenInference LLM span, child of an
 * explicit parent (the turn's span). Request attributes are set when the call starts; output, token
 * counts and finish reason once, when the provider's stream closes. The span ends exactly once: on
 * finish, on a provider error (before or during the stream), on abort or timeout, or on cancel.
 */
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { context as otelContext, type Context } from '@opentelemetry/api';
import { getInvocationParameters } from './invocation-parameters';
import { getLLMRequestAttributes, getLLMResponseAttributes } from './llm-attributes';
import type { OIToolCall } from './message-attributes';
import { SYSTEM_PROMPT_TEMPLATE } from '@/lib/ai/system-prompt';
import { promptToMessages } from './prompt-messages';
import { getPromptTemplateAttributesFor } from './prompt-template-attributes';
import { ATTR, EVENT, OpenInferenceSpanKind } from './semconv';
import { outcomeOfAbort, startSpan, type OpenSpan, type SpanEventRecord, type SpanOutcome } from './span-lifecycle';
import { getLLMToolsAttributes, type ToolDefinition } from './tool-attributes';
import { usageFromProvider, type TokenUsage } from './token-usage';

export interface ModelIdentity {
  /** `llm.provider`, e.g. `openai`. */
  provider: string;
  /** `llm.system`, e.g. `openai`. */
  system: string;
}

/**
 * `onCallText` receives, for each model call, the live list of its text chunks (the same list the LLM
 * span's output is built from), so a caller can derive its own output without buffering again.
 */
export function traceLanguageModel(
  model: LanguageModelV4,
  identity: ModelIdentity,
  parent: Context,
  onCallText?: (chunks: readonly string[]) => void,
): LanguageModelV4 {
  const startLLMSpan = (options: LanguageModelV4CallOptions, messages = promptToMessages(options.prompt)): OpenSpan =>
    startSpan({
      name: `llm ${model.modelId}`,
      kind: OpenInferenceSpanKind.LLM,
      parent,
      attributes: {
        ...getLLMRequestAttributes({
          modelName: model.modelId,
          provider: identity.provider,
          system: identity.system,
          invocationParameters: getInvocationParameters(model.modelId, options),
          messages,
        }),
        ...getLLMToolsAttributes(offeredTools(options)),
        ...getPromptTemplateAttributesFor(messages, [SYSTEM_PROMPT_TEMPLATE]),
      },
    });

  return {
    specificationVersion: 'v4',
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    async doGenerate(options) {
      const span = startLLMSpan(options);
      try {
        const result = await otelContext.with(span.context, () => model.doGenerate(options));
        const text = result.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
        const reasoning = result.content.flatMap((part) => (part.type === 'reasoning' ? [part.text] : [])).join('');
        onCallText?.([text]);
        const toolCalls = result.content.flatMap((part) =>
          part.type === 'tool-call' ? [{ id: part.toolCallId, name: part.toolName, arguments: part.input }] : [],
        );
        span.end(
          { type: 'ok' },
          getLLMResponseAttributes({
            text,
            reasoning,
            toolCalls,
            usage: usageFromProvider(result.usage),
            finishReason: result.finishReason.unified,
          }),
        );
        return result;
      } catch (error) {
        span.end(abortedOrError(options.abortSignal, error));
        throw error;
      }
    },
    async doStream(options) {
      const span = startLLMSpan(options);
      const startedAt = now();
      let result;
      try {
        result = await otelContext.with(span.context, () => model.doStream(options));
      } catch (error) {
        span.end(abortedOrError(options.abortSignal, error));
        throw error;
      }
      return { ...result, stream: result.stream.pipeThrough(recordStream(span, options.abortSignal, startedAt, onCallText)) };
    },
  };
}

function offeredTools(options: LanguageModelV4CallOptions): ToolDefinition[] {
  return (options.tools ?? []).flatMap((tool) =>
    tool.type === 'function' ? [{ name: tool.name, description: tool.description, parameters: tool.inputSchema }] : [],
  );
}

/** Epoch milliseconds with sub-millisecond precision. */
const now = (): number => performance.timeOrigin + performance.now();

function outcomeOfCancel(signal: AbortSignal | undefined, reason: unknown): SpanOutcome {
  if (signal?.aborted) return outcomeOfAbort(signal);
  if (reason instanceof Error && reason.name !== 'AbortError') return { type: 'error', error: reason };
  return { type: 'aborted', reason: 'stream cancelled' };
}

function abortedOrError(signal: AbortSignal | undefined, error: unknown): SpanOutcome {
  return signal?.aborted ? outcomeOfAbort(signal) : { type: 'error', error };
}

/**
 * Passes every part through untouched and only remembers what the span needs; all attributes are
 * built once, when the stream ends, whichever way it ends.
 */
function recordStream(
  span: OpenSpan,
  signal: AbortSignal | undefined,
  startedAt: number,
  onCallText: ((chunks: readonly string[]) => void) | undefined,
): TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart> {
  const textChunks: string[] = [];
  const reasoningChunks: string[] = [];
  onCallText?.(textChunks);
  let firstTokenAt: number | undefined;
  const toolCalls: OIToolCall[] = [];
  let usage: TokenUsage | undefined;
  let finishReason: string | undefined;
  let streamError: unknown;
  let hasError = false;

  const finalAttributes = () =>
    getLLMResponseAttributes({ text: textChunks.join(''), reasoning: reasoningChunks.join(''), toolCalls, usage, finishReason });
  span.finalAttributesOnInterrupt = finalAttributes;
  const events = (): SpanEventRecord[] =>
    firstTokenAt === undefined
      ? []
      : [{ name: EVENT.FIRST_TOKEN, time: firstTokenAt, attributes: { [ATTR.TIME_TO_FIRST_TOKEN_MS]: firstTokenAt - startedAt } }];
  const onAbort = () => {
    if (signal) span.end(outcomeOfAbort(signal), finalAttributes(), events());
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const release = () => signal?.removeEventListener('abort', onAbort);

  const transformer: RecordingTransformer = {
    transform(part, controller) {
      switch (part.type) {
        case 'text-delta':
          if (firstTokenAt === undefined) firstTokenAt = now();
          textChunks.push(part.delta);
          break;
        case 'reasoning-delta':
          reasoningChunks.push(part.delta);
          break;
        case 'tool-call':
          toolCalls.push({ id: part.toolCallId, name: part.toolName, arguments: part.input });
          break;
        case 'finish':
          usage = usageFromProvider(part.usage);
          finishReason = part.finishReason.unified;
          break;
        case 'error':
          hasError = true;
          streamError = part.error;
          break;
      }
      controller.enqueue(part);
    },
    flush() {
      release();
      span.end(hasError ? { type: 'error', error: streamError } : { type: 'ok' }, finalAttributes(), events());
    },
    // Called when the consumer cancels (client gone) or the provider's stream errors (connection reset).
    cancel(reason) {
      release();
      span.end(outcomeOfCancel(signal, reason), finalAttributes(), events());
    },
  };
  return new TransformStream(transformer);
}

/** `cancel` is in the Streams standard and in Node ≥ 20, but not yet in TypeScript's DOM types. */
type RecordingTransformer = Transformer<LanguageModelV4StreamPart, LanguageModelV4StreamPart> & {
  cancel(reason: unknown): void;
};
