/**
 * What the tracing knows about the model behind a `LanguageModelV4`, beyond its id: who serves it,
 * which API it speaks and where its calls go. Built by `getLanguageModel()`, read by the traced model.
 */

/** How the sampling settings are named in `llm.invocation_parameters`: as the provider's own API names them. */
export type InvocationParameterStyle = 'openai' | 'anthropic' | 'google';

/** One endpoint of the model: the full URL and its path below the provider's base URL. */
export interface ModelEndpoint {
  /** `https://api.openai.com/v1/chat/completions` (never with credentials). */
  full: string;
  /** `chat/completions` — `full` minus the base URL, as Phoenix's Playground reads it. */
  path: string;
}

export interface ModelIdentity {
  /** `llm.provider` (an OpenInference `LLMProvider` value such as `openai`); left out when unknown. */
  provider?: string;
  /** `llm.system` (an OpenInference `LLMSystem` value such as `openai`); left out when none applies. */
  system?: string;
  /** Naming of `llm.invocation_parameters`; OpenAI's by default. */
  invocationParameterStyle?: InvocationParameterStyle;
  /** Where streamed and non-streamed calls go (`url.full` / `url.path`). */
  endpoint?: { stream: ModelEndpoint; generate: ModelEndpoint };
}
