import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import type { OIMessage } from './message-attributes';

/** Converts the prompt a model actually receives (system message included) to OpenInference messages. */
export function promptToMessages(prompt: LanguageModelV4Prompt): OIMessage[] {
  const messages: OIMessage[] = [];
  for (const message of prompt) {
    switch (message.role) {
      case 'system':
        messages.push({ role: 'system', content: message.content });
        break;
      case 'user':
        messages.push({ role: 'user', content: joinText(message.content) });
        break;
      case 'assistant': {
        const toolCalls = message.content.flatMap((part) =>
          part.type === 'tool-call'
            ? [{ id: part.toolCallId, name: part.toolName, arguments: toJson(part.input) }]
            : [],
        );
        const content = joinText(message.content);
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
          messages.push({ role: 'tool', toolCallId: part.toolCallId, content: toJson(part.output) });
        }
        break;
    }
  }
  return messages;
}

function joinText(parts: ReadonlyArray<{ type: string; text?: string }>): string {
  return parts
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
}

function toJson(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}
