/**
 * The usage details each provider reports, read from its own usage object (the `raw` usage of the
 * AI SDK), so a detail it did not report stays unknown. The SDK's normalised usage writes 0 for a
 * missing cache or reasoning count, and "unknown is not zero".
 *
 * - OpenAI chat completions and compatible servers: `prompt_tokens_details.cached_tokens` /
 *   `.cache_write_tokens` / `.audio_tokens`, `completion_tokens_details.reasoning_tokens` / `.audio_tokens`.
 * - Anthropic Messages: `cache_read_input_tokens`, `cache_creation_input_tokens`,
 *   `output_tokens_details.thinking_tokens`.
 * - Gemini: `cachedContentTokenCount`, `thoughtsTokenCount`.
 *
 * Ours: provider usage shapes are not in openinference-core (its instrumentations each read their own SDK).
 */
import type { LanguageModelV4Usage } from '@ai-sdk/provider';

export interface UsageDetails {
  cacheRead?: number;
  cacheWrite?: number;
  reasoning?: number;
  promptAudio?: number;
  completionAudio?: number;
}

type Raw = NonNullable<LanguageModelV4Usage['raw']>;

/** The details in `raw`, or `undefined` when `raw` is not a usage shape this app knows. */
export function providerUsageDetails(raw: LanguageModelV4Usage['raw']): UsageDetails | undefined {
  if (!raw) return undefined;
  if (typeof raw.prompt_tokens === 'number') {
    return {
      cacheRead: count(raw, 'prompt_tokens_details', 'cached_tokens'),
      cacheWrite: count(raw, 'prompt_tokens_details', 'cache_write_tokens'),
      reasoning: count(raw, 'completion_tokens_details', 'reasoning_tokens'),
      promptAudio: count(raw, 'prompt_tokens_details', 'audio_tokens'),
      completionAudio: count(raw, 'completion_tokens_details', 'audio_tokens'),
    };
  }
  if (typeof raw.input_tokens === 'number') {
    return {
      cacheRead: count(raw, 'cache_read_input_tokens'),
      cacheWrite: count(raw, 'cache_creation_input_tokens'),
      reasoning: count(raw, 'output_tokens_details', 'thinking_tokens'),
    };
  }
  if (typeof raw.promptTokenCount === 'number') {
    return { cacheRead: count(raw, 'cachedContentTokenCount'), reasoning: count(raw, 'thoughtsTokenCount') };
  }
  return undefined;
}

function count(raw: Raw, key: string, nested?: string): number | undefined {
  let value: unknown = raw[key];
  if (nested !== undefined) {
    value = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[nested] : undefined;
  }
  return typeof value === 'number' ? value : undefined;
}
