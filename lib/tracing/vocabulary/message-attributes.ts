import type { Attributes } from '@opentelemetry/api';
import { ATTR } from './semconv';

/** A chat message in OpenInference's shape, before flattening. */
export interface OIMessage {
  role: string;
  content?: string;
  /**
   * Multi-part content (text, images, reasoning), used instead of `content` when a message has images
   * or reasoning: the ordered content blocks OpenInference's instrumentors emit (reasoning first).
   */
  contents?: OIMessageContent[];
  toolCallId?: string;
  toolCalls?: OIToolCall[];
}

export type OIMessageContent =
  | { type: 'text'; text: string }
  | { type: 'image'; url: string }
  /** A model's thinking (Anthropic thinking, `reasoning_content`): `message_content.type = "reasoning"`. */
  | { type: 'reasoning'; text: string };

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
    message.contents?.forEach((part, k) => {
      const partBase = `${base}${ATTR.MESSAGE_CONTENTS}.${k}.`;
      attributes[partBase + ATTR.MESSAGE_CONTENT_TYPE] = part.type;
      if (part.type === 'image') attributes[`${partBase}${ATTR.MESSAGE_CONTENT_IMAGE}.${ATTR.IMAGE_URL}`] = part.url;
      else attributes[partBase + ATTR.MESSAGE_CONTENT_TEXT] = part.text;
    });
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

/** Messages for `input.value`: image URLs left out (they live only in the message attributes, where masking sees them). */
export function withoutImageUrls(messages: readonly OIMessage[]): unknown[] {
  return messages.map((message) =>
    message.contents
      ? { ...message, contents: message.contents.map((part) => (part.type === 'image' ? { type: 'image' } : part)) }
      : message,
  );
}

/**
 * An assistant message with its reasoning: reasoning and answer as ordered content blocks (so Phoenix
 * shows them apart and never renders the answer twice), or plain `content` when there is no reasoning.
 */
export function assistantMessage(text: string, reasoning = '', toolCalls: readonly OIToolCall[] = []): OIMessage {
  const calls = toolCalls.length > 0 ? { toolCalls: [...toolCalls] } : {};
  if (reasoning === '') return { role: 'assistant', ...(text !== '' ? { content: text } : {}), ...calls };
  const contents: OIMessageContent[] = [{ type: 'reasoning', text: reasoning }];
  if (text !== '') contents.push({ type: 'text', text });
  return { role: 'assistant', contents, ...calls };
}
