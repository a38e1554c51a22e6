import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { completionEndpoint } from './completion-endpoint';
import { withGoogleModelVersion } from './google-model-version';
import { llmProviderIdentity } from './llm-provider';
import type { RemoteProviderSettings, SelectedModel } from './selected-model';

/**
 * Google's Gemini API (`{base}/models/{model}:streamGenerateContent?alt=sse`), key in the
 * `x-goog-api-key` header. The model version Gemini reports on each chunk becomes the stream's
 * response model (`llm.response.model_name`).
 */
export function googleModel(settings: RemoteProviderSettings): SelectedModel {
  const google = createGoogleGenerativeAI({ apiKey: settings.apiKey, baseURL: settings.baseURL });
  // As @ai-sdk/google builds the path: a bare id is a model under `models/`, a path is used as is.
  const modelPath = settings.modelId.includes('/') ? settings.modelId : `models/${settings.modelId}`;
  return {
    model: withGoogleModelVersion(google.languageModel(settings.modelId)),
    identity: {
      ...llmProviderIdentity(settings.baseURL, settings.llmProvider),
      invocationParameterStyle: 'google',
      endpoint: {
        stream: completionEndpoint(settings.baseURL, `${modelPath}:streamGenerateContent`, { alt: 'sse' }),
        generate: completionEndpoint(settings.baseURL, `${modelPath}:generateContent`),
      },
    },
  };
}
