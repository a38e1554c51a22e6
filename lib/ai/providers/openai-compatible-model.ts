import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { completionEndpoint } from './completion-endpoint';
import { llmProviderIdentity } from './llm-provider';
import type { RemoteProviderSettings, SelectedModel } from './selected-model';

/**
 * Any OpenAI-compatible chat-completions server (Ollama, vLLM, LM Studio, a gateway) through
 * `@ai-sdk/openai-compatible`: usage in the stream (`includeUsage`), `reasoning_content` deltas as
 * reasoning. The key is optional; `llm.provider` only for a well-known host or `CHAT_LLM_PROVIDER`.
 */
export function openAICompatibleModel(settings: RemoteProviderSettings): SelectedModel {
  const provider = createOpenAICompatible({
    name: 'openai-compatible',
    baseURL: settings.baseURL,
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
    includeUsage: true,
  });
  const endpoint = completionEndpoint(settings.baseURL, 'chat/completions');
  return {
    model: provider.chatModel(settings.modelId),
    identity: {
      ...llmProviderIdentity(settings.baseURL, settings.llmProvider),
      invocationParameterStyle: 'openai',
      endpoint: { stream: endpoint, generate: endpoint },
    },
  };
}
