import { getInputAttributes, getLLMAttributes, getOutputAttributes } from '@arizeai/openinference-core';
import type { Attributes } from '@opentelemetry/api';
import { assistantMessage, getMessageAttributes, toCoreMessage, withoutImageUrls, type OIMessage, type OIToolCall } from './message-attributes';
import { ATTR, MESSAGE_LIST, MimeType } from './semconv';
import type { TokenUsage } from './token-usage';
import { budgetInputMessages, MAX_FLATTENED_OUTPUT_TOOL_CALLS } from './attribute-budget';
import { boundedJson } from './bounded-json';
import { getTokenCountAttributes } from './token-usage';

export interface LLMRequest {
  modelName: string;
  /** `llm.provider`; left out when unknown. */
  provider?: string;
  /** `llm.system`; left out when OpenInference defines none for the provider. */
  system?: string;
  invocationParameters: Record<string, unknown>;
  messages: readonly OIMessage[];
}

export interface LLMResponse {
  text: string;
  /** Streamed reasoning (thinking): a `reasoning` content block of the output message, never in `output.value`. */
  reasoning?: string;
  toolCalls?: readonly OIToolCall[];
  usage?: TokenUsage;
  finishReason?: string;
}

/**
 * Attributes known when the model call starts. `input.value` has every message (valid JSON within the
 * value length limit, long texts shortened); the flattened `llm.input_messages` keep the system prompt and the newest messages
 * that fit the attribute budget, and `llm.input_messages_omitted` says how many were left out.
 */
export function getLLMRequestAttributes(request: LLMRequest): Attributes {
  const { kept, omitted } = budgetInputMessages(request.messages);
  return {
    ...getLLMAttributes({
      modelName: request.modelName,
      provider: request.provider || undefined,
      system: request.system || undefined,
      invocationParameters: request.invocationParameters,
      inputMessages: kept.map(toCoreMessage),
    }),
    // Ours: the whole conversation as JSON kept valid within the value length limit (`boundedJson`).
    ...getInputAttributes({ value: boundedJson({ messages: withoutImageUrls(request.messages) }), mimeType: MimeType.JSON }),
    ...(omitted > 0 ? { [ATTR.LLM_INPUT_MESSAGES_OMITTED]: omitted } : {}),
  };
}

/**
 * Attributes known only when the stream closes: what was generated and what it cost. Nothing empty is
 * written: a tool-call-only step has no `output.value` and an output message with tool calls only; a
 * call that produced nothing (aborted before its first token) has no output message at all.
 */
export function getLLMResponseAttributes(response: LLMResponse): Attributes {
  const toolCalls = (response.toolCalls ?? []).slice(0, MAX_FLATTENED_OUTPUT_TOOL_CALLS);
  const hasText = response.text !== '';
  const hasReasoning = (response.reasoning ?? '') !== '';
  const message = assistantMessage(response.text, response.reasoning, toolCalls);
  return {
    ...(hasText ? getOutputAttributes(response.text) : {}),
    ...(hasText || hasReasoning || toolCalls.length > 0 ? getMessageAttributes(MESSAGE_LIST.OUTPUT, [message]) : {}),
    // No finish-reason helper in openinference-core.
    ...(response.finishReason !== undefined ? { [ATTR.LLM_FINISH_REASON]: response.finishReason } : {}),
    // Ours, not core's `tokenCount`: see token-usage.ts.
    ...(response.usage ? getTokenCountAttributes(response.usage) : {}),
  };
}
