/**
 * Which model provider the server talks to, from the configuration (`CHAT_PROVIDER` and each
 * provider's usual variables, read by lib/config). A misconfiguration is a clear 500 before any span or upstream call,
 * naming the variable to fix (never a value, so no key can leak into a response).
 */
import type { ProviderAccess, ProviderConfig } from '@/lib/config/config-types';
import { isHttpUrl } from '@/lib/config/env-rules';
import { HttpError } from '@/lib/http/http-error';

export const CHAT_PROVIDERS = ['openai', 'anthropic', 'google', 'openai-compatible', 'offline'] as const;
export type ChatProviderKind = (typeof CHAT_PROVIDERS)[number];

export const DEFAULT_MODELS = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-haiku-4-5',
  google: 'gemini-2.5-flash',
} as const;

export const DEFAULT_BASE_URLS = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta',
} as const;

export type ProviderSettings =
  | { kind: 'offline' }
  | {
      kind: Exclude<ChatProviderKind, 'offline'>;
      modelId: string;
      /** Optional only for `openai-compatible` (a local Ollama needs none). */
      apiKey?: string;
      /** Effective base URL, the provider's default filled in, without a trailing slash. */
      baseURL: string;
      /** `CHAT_LLM_PROVIDER`: `llm.provider` for hosts that are not inferred. */
      llmProvider?: string;
    };

const ACCESS = { openai: 'openai', anthropic: 'anthropic', google: 'google', 'openai-compatible': 'openaiCompatible' } as const;

const KEY_VARIABLE = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  google: 'GOOGLE_GENERATIVE_AI_API_KEY',
  'openai-compatible': 'OPENAI_COMPATIBLE_API_KEY',
} as const;

const BASE_URL_VARIABLE = {
  openai: 'OPENAI_BASE_URL',
  anthropic: 'ANTHROPIC_BASE_URL',
  google: 'GOOGLE_GENERATIVE_AI_BASE_URL',
  'openai-compatible': 'OPENAI_COMPATIBLE_BASE_URL',
} as const;

export class ProviderConfigurationError extends HttpError {
  constructor(message: string) {
    super(500, 'provider_misconfigured', message);
    this.name = 'ProviderConfigurationError';
  }
}

/**
 * `CHAT_PROVIDER` picks the provider. Unset, the first provider whose key is set is used (OpenAI,
 * then Anthropic, then Google), and the offline model when there is none.
 */
export function resolveProviderSettings(config: ProviderConfig): ProviderSettings {
  const kind = providerKind(config);
  if (kind === 'offline') return { kind };
  const access: ProviderAccess = config[ACCESS[kind]];
  const apiKey = access.apiKey;
  if (!apiKey && kind !== 'openai-compatible') {
    throw new ProviderConfigurationError(`CHAT_PROVIDER=${kind} needs ${KEY_VARIABLE[kind]}.`);
  }
  const baseURL = access.baseUrl ?? (kind === 'openai-compatible' ? undefined : DEFAULT_BASE_URLS[kind]);
  if (!baseURL) {
    throw new ProviderConfigurationError(
      `CHAT_PROVIDER=openai-compatible needs OPENAI_COMPATIBLE_BASE_URL (e.g. http://localhost:11434/v1 for Ollama).`,
    );
  }
  if (!isHttpUrl(baseURL)) {
    throw new ProviderConfigurationError(`${BASE_URL_VARIABLE[kind]} must be an http(s) URL.`);
  }
  const modelId = config.model ?? (kind === 'openai-compatible' ? undefined : DEFAULT_MODELS[kind]);
  if (!modelId) {
    throw new ProviderConfigurationError('CHAT_PROVIDER=openai-compatible needs CHAT_MODEL (the model name the server serves).');
  }
  const llmProvider = config.llmProvider;
  return {
    kind,
    modelId,
    ...(apiKey ? { apiKey } : {}),
    baseURL: baseURL.replace(/\/+$/, ''),
    ...(llmProvider ? { llmProvider } : {}),
  };
}

function providerKind(config: ProviderConfig): ChatProviderKind {
  const named = config.provider;
  if (named) {
    if ((CHAT_PROVIDERS as readonly string[]).includes(named)) return named as ChatProviderKind;
    throw new ProviderConfigurationError(`CHAT_PROVIDER must be one of ${CHAT_PROVIDERS.join(', ')}.`);
  }
  if (config.openai.apiKey) return 'openai';
  if (config.anthropic.apiKey) return 'anthropic';
  if (config.google.apiKey) return 'google';
  return 'offline';
}
