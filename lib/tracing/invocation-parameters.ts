import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';

/**
 * The sampling settings of one model call, named as OpenAI's API names them (what Phoenix's
 * playground reads). Only settings that were actually set appear.
 */
export function getInvocationParameters(
  modelName: string,
  options: Pick<
    LanguageModelV4CallOptions,
    'maxOutputTokens' | 'temperature' | 'topP' | 'topK' | 'presencePenalty' | 'frequencyPenalty' | 'stopSequences' | 'seed'
  >,
): Record<string, unknown> {
  const parameters: Record<string, unknown> = {
    model: modelName,
    max_tokens: options.maxOutputTokens,
    temperature: options.temperature,
    top_p: options.topP,
    top_k: options.topK,
    presence_penalty: options.presencePenalty,
    frequency_penalty: options.frequencyPenalty,
    stop: options.stopSequences,
    seed: options.seed,
  };
  return Object.fromEntries(Object.entries(parameters).filter(([, value]) => value !== undefined));
}
