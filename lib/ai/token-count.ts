/**
 * Token counts for the offline model, by a real tokenizer (o200k_base, the encoding of OpenAI's
 * gpt-4o family) — never invented constants. Pure and deterministic; e2e tests call these to know
 * the counts a span must carry. Web APIs only, so it also runs on the edge runtime.
 */
import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** Special-token strings typed by a user are plain text, not control tokens (and never throw). */
const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

/**
 * ChatML framing, as OpenAI documents for its chat models: every message costs 3 tokens around its
 * role and content (`<|im_start|>role\n … <|im_end|>`), and every reply is primed with 3 more.
 */
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_REPLY_PRIMER = 3;

export function countTextTokens(text: string): number {
  return text === '' ? 0 : countTokens(text, PLAIN_TEXT);
}

/** The prompt's tokens: each message's role and text (tool calls/results as JSON) plus ChatML framing. */
export function countPromptTokens(prompt: LanguageModelV4Prompt): number {
  let total = TOKENS_PER_REPLY_PRIMER;
  for (const message of prompt) {
    total += TOKENS_PER_MESSAGE + countTextTokens(message.role) + countTextTokens(messageText(message));
  }
  return total;
}

/** The text of a prompt message as the tokenizer sees it. */
export function messageText(message: LanguageModelV4Prompt[number]): string {
  if (message.role === 'system') return message.content;
  return message.content
    .map((part) => {
      switch (part.type) {
        case 'text':
        case 'reasoning':
          return part.text;
        case 'tool-call':
          return `${part.toolName}(${JSON.stringify(part.input ?? null)})`;
        case 'tool-result':
          return JSON.stringify(part.output ?? null);
        default:
          return '';
      }
    })
    .join('');
}
