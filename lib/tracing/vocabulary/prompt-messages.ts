import type { LanguageModelV4Prompt, LanguageModelV4ToolResultOutput, SharedV4FileData } from '@ai-sdk/provider';
import { assistantMessage, type OIMessage, type OIMessageContent } from './message-attributes';

type UserPart = Extract<LanguageModelV4Prompt[number], { role: 'user' }>['content'][number];

/** Converts the prompt a model actually receives (system message included) to OpenInference messages. Ours: AI SDK prompt shapes; core's `getLLMAttributes` then flattens the result. */
export function promptToMessages(prompt: LanguageModelV4Prompt): OIMessage[] {
  const messages: OIMessage[] = [];
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        messages.push({ role: 'system', content: message.content });
        break;
      case 'user': {
        const contents = userContents(message.content);
        messages.push(
          contents.some((part) => part.type === 'image')
            ? { role: 'user', contents }
            : { role: 'user', content: joinText(message.content) },
        );
        break;
      }
      case 'assistant': {
        const toolCalls = message.content.flatMap((part) =>
          part.type === 'tool-call'
            ? [{ id: part.toolCallId, name: part.toolName, arguments: toJson(part.input) }]
            : [],
        );
        const content = joinText(message.content);
        // Reasoning from an earlier turn, sent back to the model: a reasoning block before the text.
        const reasoning = joinText(message.content, 'reasoning');
        if (reasoning !== '') {
          messages.push(assistantMessage(content, reasoning, toolCalls));
          break;
        }
        messages.push({
          role: 'assistant',
          ...(content !== '' || toolCalls.length === 0 ? { content } : {}),
          ...(toolCalls.length > 0 ? { toolCalls } : {}),
        });
        break;
      }
      case 'tool':
        for (const part of message.content) {
          if (part.type !== 'tool-result') continue;
          messages.push({ role: 'tool', toolCallId: part.toolCallId, content: toolOutputText(part.output) });
        }
        break;
    }
  }
  return messages;
}

function joinText(parts: ReadonlyArray<{ type: string; text?: string }>, type: 'text' | 'reasoning' = 'text'): string {
  return parts
    .filter((part) => part.type === type && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
}

function toJson(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

/**
 * Text and image parts of a user message; images as URLs (bytes become a base64 data URL). Adjacent
 * text parts become one text part, so a message has at most 2 × images + 1 parts (attribute budget).
 */
function userContents(parts: readonly UserPart[]): OIMessageContent[] {
  const contents: OIMessageContent[] = [];
  for (const part of parts) {
    const last = contents.at(-1);
    if (part.type === 'text') {
      if (last?.type === 'text') last.text += part.text;
      else contents.push({ type: 'text', text: part.text });
    } else if (part.type === 'file' && part.mediaType.startsWith('image/')) {
      contents.push({ type: 'image', url: imageUrl(part.data, part.mediaType) });
    }
  }
  return contents;
}

function imageUrl(file: SharedV4FileData, mediaType: string): string {
  switch (file.type) {
    case 'url':
      return file.url.href;
    case 'data':
      if (typeof file.data !== 'string') return `data:${mediaType};base64,${toBase64(file.data)}`;
      return file.data.startsWith('data:') ? file.data : `data:${mediaType};base64,${file.data}`;
    default:
      return `${file.type}:`;
  }
}

/**
 * The same image bytes come back in the prompt of every step of a turn (and every turn of the chat
 * that is still in the request): encode each array once.
 */
const encoded = new WeakMap<Uint8Array, string>();

function toBase64(bytes: Uint8Array): string {
  let cached = encoded.get(bytes);
  if (cached === undefined) encoded.set(bytes, (cached = encodeBase64(bytes)));
  return cached;
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A tool result as the model sees it: text as is, JSON as a JSON string. */
function toolOutputText(output: LanguageModelV4ToolResultOutput): string {
  switch (output.type) {
    case 'text':
    case 'error-text':
      return output.value;
    case 'json':
    case 'error-json':
      return JSON.stringify(output.value);
    default:
      return toJson(output);
  }
}
