import { createOfflineModel, OFFLINE_MODEL_ID } from './offline-model';
import { anthropicModel } from './providers/anthropic-model';
import { googleModel } from './providers/google-model';
import { openAICompatibleModel } from './providers/openai-compatible-model';
import { openAIModel } from './providers/openai-model';
import { DEFAULT_MODELS, resolveProviderSettings, type ProviderSettings } from './providers/provider-settings';
import type { SelectedModel } from './providers/selected-model';
import { appConfig, type AppConfig } from '@/lib/config/app-config';

export type { SelectedModel } from './providers/selected-model';
export const DEFAULT_OPENAI_MODEL = DEFAULT_MODELS.openai;

type Settings = Pick<AppConfig, 'provider'>;

/**
 * The one place that picks the model, from `CHAT_PROVIDER` and the provider's usual variables
 * (see `resolveProviderSettings`): OpenAI's chat completions, Anthropic's Messages API, Google's
 * Gemini API, any OpenAI-compatible server, or — the default without keys — the offline model,
 * which needs no network. Every remote provider streams its real usage; `CHAT_MODEL` names the model.
 * A misconfiguration throws a `ProviderConfigurationError` (HTTP 500 naming the variable).
 */
export function getLanguageModel(config: Settings = appConfig()): SelectedModel {
  const settings = resolveProviderSettings(config.provider);
  switch (settings.kind) {
    case 'openai':
      return openAIModel(settings);
    case 'anthropic':
      return anthropicModel(settings);
    case 'google':
      return googleModel(settings);
    case 'openai-compatible':
      return openAICompatibleModel(settings);
    case 'offline':
      // Our own model: `offline` is this app's name for it, not an OpenInference provider.
      return { model: createOfflineModel(), identity: { provider: 'offline', system: 'offline' } };
  }
}

/** The id of the one model this server serves (what a request's optional `model` field must name). */
export function configuredModelId(config: Settings = appConfig()): string {
  return modelIdOf(resolveProviderSettings(config.provider));
}

function modelIdOf(settings: ProviderSettings): string {
  return settings.kind === 'offline' ? OFFLINE_MODEL_ID : settings.modelId;
}
