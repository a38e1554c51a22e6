import type { LanguageModelV4Usage } from '@ai-sdk/provider';
import type { Attributes } from '@opentelemetry/api';
import { providerUsageDetails } from './provider-usage-details';
import { ATTR } from './semconv';

/** Token counts as the provider reported them. `undefined` means unknown — never written as 0. */
export interface TokenUsage {
  prompt?: number;
  completion?: number;
  cacheRead?: number;
  cacheWrite?: number;
  reasoning?: number;
  promptAudio?: number;
  completionAudio?: number;
}

/**
 * Our token counts from the AI SDK's usage: totals from its normalised counts (prompt includes
 * cached and cache-written tokens, completion includes reasoning), details from the provider's own
 * usage object when its shape is known (see `providerUsageDetails`), else from the normalised ones.
 */
export function usageFromProvider(usage: LanguageModelV4Usage): TokenUsage {
  const details = providerUsageDetails(usage.raw);
  return {
    prompt: usage.inputTokens.total,
    completion: usage.outputTokens.total,
    ...(details ?? {
      cacheRead: usage.inputTokens.cacheRead,
      cacheWrite: usage.inputTokens.cacheWrite,
      reasoning: usage.outputTokens.reasoning,
      // Audio counts are not in the normalised usage; OpenAI-shaped providers report them in `raw`.
      promptAudio: rawCount(usage.raw, 'prompt_tokens_details', 'audio_tokens'),
      completionAudio: rawCount(usage.raw, 'completion_tokens_details', 'audio_tokens'),
    }),
  };
}

function rawCount(raw: LanguageModelV4Usage['raw'], group: string, key: string): number | undefined {
  const details = raw?.[group];
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return undefined;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : undefined;
}

/**
 * Integer token-count attributes; unknown counts stay unset, and total only when both parts are known.
 * Ours, not openinference-core's `getLLMAttributes({ tokenCount })`: that writes any number it is given
 * (a non-integer or negative count, a total that does not add up) and has no completion details
 * (reasoning, audio) — unknown is not zero, and Phoenix sums these.
 */
export function getTokenCountAttributes(usage: TokenUsage): Attributes {
  const attributes: Attributes = {};
  const set = (key: string, value: number | undefined) => {
    if (isCount(value)) attributes[key] = value;
  };
  set(ATTR.LLM_TOKEN_COUNT_PROMPT, usage.prompt);
  set(ATTR.LLM_TOKEN_COUNT_COMPLETION, usage.completion);
  if (isCount(usage.prompt) && isCount(usage.completion)) {
    attributes[ATTR.LLM_TOKEN_COUNT_TOTAL] = usage.prompt + usage.completion;
  }
  set(ATTR.LLM_TOKEN_COUNT_PROMPT_CACHE_READ, usage.cacheRead);
  set(ATTR.LLM_TOKEN_COUNT_PROMPT_CACHE_WRITE, usage.cacheWrite);
  set(ATTR.LLM_TOKEN_COUNT_COMPLETION_REASONING, usage.reasoning);
  set(ATTR.LLM_TOKEN_COUNT_PROMPT_AUDIO, usage.promptAudio);
  set(ATTR.LLM_TOKEN_COUNT_COMPLETION_AUDIO, usage.completionAudio);
  return attributes;
}

function isCount(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
