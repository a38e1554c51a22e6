import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { ModelIdentity } from '@/lib/tracing/vocabulary/model-identity';
import type { ProviderSettings } from './provider-settings';

/** A model and what its spans say about it (`llm.provider`, `llm.system`, endpoint, parameter names). */
export interface SelectedModel {
  model: LanguageModelV4;
  identity: ModelIdentity;
}

/** The settings of a remote provider (key, base URL, model). */
export type RemoteProviderSettings = Exclude<ProviderSettings, { kind: 'offline' }>;
