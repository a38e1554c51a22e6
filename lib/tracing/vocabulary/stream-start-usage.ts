/**
 * Usage a provider reports when its stream starts, before the final usage: Anthropic's
 * `message_start` carries the input usage (`input_tokens` and the cache counts), which
 * @ai-sdk/anthropic passes on as a `custom` part `anthropic.message_start`. A stream stopped before
 * its end then still has the prompt count the provider reported (the completion stays unknown).
 * Ours: streaming partial state of one provider; nothing in openinference-core reads AI SDK streams.
 */
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { TokenUsage } from './token-usage';

type CustomPart = Extract<LanguageModelV4StreamPart, { type: 'custom' }>;

export function usageAtStreamStart(part: CustomPart): TokenUsage | undefined {
  if (part.kind !== 'anthropic.message_start') return undefined;
  const usage = (part.providerMetadata?.anthropic as { usage?: Record<string, unknown> } | undefined)?.usage;
  const count = (key: string) => (typeof usage?.[key] === 'number' ? (usage[key] as number) : undefined);
  const input = count('input_tokens');
  if (input === undefined) return undefined;
  const cacheRead = count('cache_read_input_tokens');
  const cacheWrite = count('cache_creation_input_tokens');
  return { prompt: input + (cacheRead ?? 0) + (cacheWrite ?? 0), cacheRead, cacheWrite };
}
