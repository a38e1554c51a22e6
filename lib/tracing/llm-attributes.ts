import type { Attributes } from '@opentelemetry/api';
import { assistantMessage, getMessageAttributes, withoutImageUrls, type OIMessage, type OIToolCall } from './message-attributes';
import { ATTR, MESSAGE_LIST, MimeType } from './semconv';
import type { TokenUsage } from './token-usage';
import { getTokenCountAttributes } from './token-usage';

export interface LLMRequest {
  modelName: string;
  provider: string;
  system: string;
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
  /** The model the provider says answered, when it differs from the requested one. */
  responseModelName?: string;
}

/** Attributes known when the model call starts. */
export function getLLMRequestAttributes(request: LLMRequest): Attributes {
  return {
    [ATTR.LLM_MODEL_NAME]: request.modelName,
    [ATTR.LLM_PROVIDER]: request.provider,
    [ATTR.LLM_SYSTEM]: request.system,
    [ATTR.LLM_INVOCATION_PARAMETERS]: JSON.stringify(request.invocationParameters),
    [ATTR.INPUT_VALUE]: JSON.stringify({ messages: withoutImageUrls(request.messages) }),
    [ATTR.INPUT_MIME_TYPE]: MimeType.JSON,
    ...getMessageAttributes(MESSAGE_LIST.INPUT, request.messages),
  };
}

/** Attributes known only when the stream closes: what was generated and what it cost. */
export function getLLMResponseAttributes(response: LLMResponse): Attributes {
  const message = assistantMessage(response.text, response.reasoning, response.toolCalls);
  return {
    [ATTR.OUTPUT_VALUE]: response.text,
    [ATTR.OUTPUT_MIME_TYPE]: MimeType.TEXT,
    ...getMessageAttributes(MESSAGE_LIST.OUTPUT, [message]),
    ...(response.finishReason !== undefined ? { [ATTR.LLM_FINISH_REASON]: response.finishReason } : {}),
    ...(response.responseModelName !== undefined ? { [ATTR.LLM_MODEL_NAME]: response.responseModelName } : {}),
    ...(response.usage ? getTokenCountAttributes(response.usage) : {}),
  };
}
