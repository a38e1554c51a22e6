import { createOpenAI } from '@ai-sdk/openai';
import { completionEndpoint } from './completion-endpoint';
import { llmProviderIdentity } from './llm-provider';
import type { RemoteProviderSettings, SelectedModel } from './selected-model';

/**
 * OpenAI's chat-completions API (`openai.chat`, not the Responses API), or any server behind
 * `OPENAI_BASE_URL` that speaks it. Usage is requested in the stream (`stream_options.include_usage`).
 */
export function openAIModel(settings: RemoteProviderSettings): SelectedModel {
  const openai = createOpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL });
  const endpoint = completionEndpoint(settings.baseURL, 'chat/completions');
  return {
    model: openai.chat(settings.modelId),
    identity: {
      ...llmProviderIdentity(settings.baseURL, settings.llmProvider),
      invocationParameterStyle: 'openai',
      endpoint: { stream: endpoint, generate: endpoint },
    },
  };
}
