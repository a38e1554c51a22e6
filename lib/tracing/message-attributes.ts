import type { Attributes } from '@opentelemetry/api';
import { ATTR } from './semconv';

/** A chat message in OpenInference's shape, before flattening. */
export interface OIMessage {
  role: string;
  content?: string;
  toolCallId?: string;
  toolCalls?: OIToolCall[];
}

export interface OIToolCall {
  id: string;
  name: string;
  /** The arguments as a JSON string. */
  arguments: string;
}

/**
 * Flattens messages the way OpenInference expects them on the wire:
 * `<prefix>.<i>.message.role`, `<prefix>.<i>.message.content`,
 * `<prefix>.<i>.message.tool_calls.<j>.tool_call.function.name`, ...
 */
export function getMessageAttributes(prefix: string, messages: readonly OIMessage[]): Attributes {
  const attributes: Attributes = {};
  messages.forEach((message, i) => {
    const base = `${prefix}.${i}.`;
    attributes[base + ATTR.MESSAGE_ROLE] = message.role;
    if (message.content !== undefined) attributes[base + ATTR.MESSAGE_CONTENT] = message.content;
    if (message.toolCallId !== undefined) attributes[base + ATTR.MESSAGE_TOOL_CALL_ID] = message.toolCallId;
    message.toolCalls?.forEach((call, j) => {
      const callBase = `${base}${ATTR.MESSAGE_TOOL_CALLS}.${j}.`;
      attributes[callBase + ATTR.TOOL_CALL_ID] = call.id;
      attributes[callBase + ATTR.TOOL_CALL_FUNCTION_NAME] = call.name;
      attributes[callBase + ATTR.TOOL_CALL_FUNCTION_ARGUMENTS_JSON] = call.arguments;
    });
  });
  return attributes;
}
