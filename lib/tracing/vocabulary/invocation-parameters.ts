import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import type { InvocationParameterStyle } from './model-identity';

type SamplingOptions = Pick<
  LanguageModelV4CallOptions,
  'maxOutputTokens' | 'temperature' | 'topP' | 'topK' | 'presencePenalty' | 'frequencyPenalty' | 'stopSequences' | 'seed'
>;

/**
 * The names each provider's API gives the AI SDK's settings — the names Phoenix's Playground reads
 * back for that provider (OpenAI `max_tokens`/`stop`, Anthropic `max_tokens`/`stop_sequences`,
 * Gemini `max_output_tokens`/`stop_sequences`). A setting the provider's API has no name for is not
 * sent by the AI SDK either, and is left out.
 */
const NAMES: Record<InvocationParameterStyle, Partial<Record<keyof SamplingOptions, string>>> = {
  openai: {
    maxOutputTokens: 'max_tokens',
    temperature: 'temperature',
    topP: 'top_p',
    // No top_k: OpenAI's chat completions has none, and @ai-sdk/openai(-compatible) do not send it.
    presencePenalty: 'presence_penalty',
    frequencyPenalty: 'frequency_penalty',
    stopSequences: 'stop',
    seed: 'seed',
  },
  anthropic: {
    maxOutputTokens: 'max_tokens',
    temperature: 'temperature',
    topP: 'top_p',
    topK: 'top_k',
    stopSequences: 'stop_sequences',
  },
  google: {
    maxOutputTokens: 'max_output_tokens',
    temperature: 'temperature',
    topP: 'top_p',
    topK: 'top_k',
    presencePenalty: 'presence_penalty',
    frequencyPenalty: 'frequency_penalty',
    stopSequences: 'stop_sequences',
    seed: 'seed',
  },
};

/**
 * Ours: openinference-core only serializes a parameters object (`getLLMAttributes`, which we use); naming
 * the AI SDK's settings as each provider's API does is not in it.
 *
 * The sampling settings of one model call, named as the provider's API names them (OpenAI's by
 * default). Only settings that were actually set appear.
 */
export function getInvocationParameters(
  modelName: string,
  options: SamplingOptions,
  style: InvocationParameterStyle = 'openai',
): Record<string, unknown> {
  const parameters: Record<string, unknown> = { model: modelName };
  for (const [option, name] of Object.entries(NAMES[style]) as [keyof SamplingOptions, string][]) {
    if (options[option] !== undefined) parameters[name] = options[option];
  }
  return parameters;
}
