/**
 * Wraps a `LanguageModelV4` so each model call gets its own OpenInference LLM span, child of an
 * explicit parent (the turn's span). Request attributes are set when the call starts; output, token
 * counts and finish reason once, when the provider's stream closes. The span ends exactly once: on
 * finish, on a provider error (before or during the stream), on abort or timeout (armed when the span
 * starts, so also before the first byte), on cancel, or when its turn ends first.
 */
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { context as otelContext, type Context } from '@opentelemetry/api';
import { getEndpointAttributes } from '../vocabulary/endpoint-attributes';
import { getInvocationParameters } from '../vocabulary/invocation-parameters';
import { startLLMCallRecord, type LLMCallRecord } from './llm-call-record';
import { getLLMRequestAttributes } from '../vocabulary/llm-attributes';
import type { ModelIdentity } from '../vocabulary/model-identity';
import { promptToMessages } from '../vocabulary/prompt-messages';
import { getPromptTemplateAttributesFor } from '../vocabulary/prompt-template-attributes';
import type { PromptTemplate } from '../vocabulary/prompt-template';
import { usageAtStreamStart } from '../vocabulary/stream-start-usage';
import { OpenInferenceSpanKind } from '../vocabulary/semconv';
import { abortedOrError, outcomeOfAbort, startSpan, type SpanOutcome } from './span-lifecycle';
import { getLLMToolsAttributes, type ToolDefinition } from '../vocabulary/tool-attributes';
import { usageFromProvider } from '../vocabulary/token-usage';

export type { ModelIdentity } from '../vocabulary/model-identity';

export interface TraceModelOptions {
  /**
   * Receives, for each model call, the live list of its text chunks (the same list the LLM span's
   * output is built from), so a caller can derive its own output without buffering again.
   */
  onCallText?: (chunks: readonly string[]) => void;
  /** Templates the prompt's messages may be rendered from (`llm.prompt_template.*` when one matches). */
  promptTemplates?: readonly PromptTemplate[];
}

export function traceLanguageModel(
  model: LanguageModelV4,
  identity: ModelIdentity,
  parent: Context,
  { onCallText, promptTemplates = [] }: TraceModelOptions = {},
): LanguageModelV4 {
  // The span and its recording start together, before the provider is called (abort armed now).
  const startCall = (options: LanguageModelV4CallOptions, kind: 'stream' | 'generate'): LLMCallRecord => {
    const messages = promptToMessages(options.prompt);
    const span = startSpan({
      name: `llm ${model.modelId}`,
      kind: OpenInferenceSpanKind.LLM,
      parent,
      attributes: {
        ...getLLMRequestAttributes({
          modelName: model.modelId,
          provider: identity.provider,
          system: identity.system,
          invocationParameters: getInvocationParameters(model.modelId, options, identity.invocationParameterStyle),
          messages,
        }),
        ...getLLMToolsAttributes(offeredTools(options)),
        ...getEndpointAttributes(identity.endpoint?.[kind]),
        ...getPromptTemplateAttributesFor(messages, promptTemplates),
      },
    });
    const record = startLLMCallRecord(span, options.abortSignal);
    onCallText?.(record.textChunks);
    return record;
  };

  return {
    specificationVersion: 'v4',
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    async doGenerate(options) {
      const call = startCall(options, 'generate');
      try {
        const result = await otelContext.with(call.span.context, () => model.doGenerate(options));
        call.responseModelName = result.response?.modelId;
        for (const part of result.content) {
          if (part.type === 'text') call.textChunks.push(part.text);
          if (part.type === 'reasoning') call.reasoningChunks.push(part.text);
          if (part.type === 'tool-call') call.toolCalls.push({ id: part.toolCallId, name: part.toolName, arguments: part.input });
        }
        call.usage = usageFromProvider(result.usage);
        call.finishReason = result.finishReason.unified;
        call.end({ type: 'ok' });
        return result;
      } catch (error) {
        call.end(abortedOrError(options.abortSignal, error));
        throw error;
      }
    },
    async doStream(options) {
      const call = startCall(options, 'stream');
      let result;
      try {
        result = await otelContext.with(call.span.context, () => model.doStream(options));
      } catch (error) {
        call.end(abortedOrError(options.abortSignal, error));
        throw error;
      }
      return { ...result, stream: result.stream.pipeThrough(recordStream(call, options.abortSignal)) };
    },
  };
}

function offeredTools(options: LanguageModelV4CallOptions): ToolDefinition[] {
  return (options.tools ?? []).flatMap((tool) =>
    tool.type === 'function' ? [{ name: tool.name, description: tool.description, parameters: tool.inputSchema }] : [],
  );
}

function outcomeOfCancel(signal: AbortSignal | undefined, reason: unknown): SpanOutcome {
  if (signal?.aborted) return outcomeOfAbort(signal);
  if (reason instanceof Error && reason.name !== 'AbortError') return { type: 'error', error: reason };
  return { type: 'aborted', reason: 'stream cancelled' };
}

/**
 * Passes every part through untouched and only remembers what the span needs (in the call's record);
 * all attributes are built once, when the call ends, whichever way it ends.
 */
function recordStream(
  call: LLMCallRecord,
  signal: AbortSignal | undefined,
): TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart> {
  const transformer: RecordingTransformer = {
    transform(part, controller) {
      switch (part.type) {
        case 'text-delta':
          call.markFirstToken();
          call.textChunks.push(part.delta);
          break;
        case 'reasoning-delta':
          call.reasoningChunks.push(part.delta);
          break;
        case 'tool-call':
          call.toolCalls.push({ id: part.toolCallId, name: part.toolName, arguments: part.input });
          break;
        case 'response-metadata':
          call.responseModelName = part.modelId ?? call.responseModelName;
          break;
        case 'custom':
          call.usage ??= usageAtStreamStart(part);
          break;
        case 'finish':
          call.usage = usageFromProvider(part.usage);
          call.finishReason = part.finishReason.unified;
          break;
        case 'error':
          call.streamError = { error: part.error };
          break;
      }
      controller.enqueue(part);
    },
    flush() {
      call.end(call.streamError ? { type: 'error', error: call.streamError.error } : { type: 'ok' });
    },
    // Called when the consumer cancels (client gone) or the provider's stream errors (connection reset).
    cancel(reason) {
      call.end(outcomeOfCancel(signal, reason));
    },
  };
  return new TransformStream(transformer);
}

/** `cancel` is in the Streams standard and in Node ≥ 20, but not yet in TypeScript's DOM types. */
type RecordingTransformer = Transformer<LanguageModelV4StreamPart, LanguageModelV4StreamPart> & {
  cancel(reason: unknown): void;
};
