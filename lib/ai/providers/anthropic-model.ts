import { createAnthropic } from '@ai-sdk/anthropic';
import { completionEndpoint } from './completion-endpoint';
import { llmProviderIdentity } from './llm-provider';
import type { RemoteProviderSettings, SelectedModel } from './selected-model';

/** Anthropic's Messages API (`POST {base}/messages`, streamed as server-sent events). */
export function anthropicModel(settings: RemoteProviderSettings): SelectedModel {
  // As @ai-sdk/anthropic does: the bare API origin means its versioned base.
  const baseURL = settings.baseURL === 'https://api.anthropic.com' ? 'https://api.anthropic.com/v1' : settings.baseURL;
  const anthropic = createAnthropic({ apiKey: settings.apiKey, baseURL });
  const endpoint = completionEndpoint(baseURL, 'messages');
  return {
    model: anthropic.messages(settings.modelId),
    identity: {
      ...llmProviderIdentity(baseURL, settings.llmProvider),
      invocationParameterStyle: 'anthropic',
      endpoint: { stream: endpoint, generate: endpoint },
    },
  };
}
