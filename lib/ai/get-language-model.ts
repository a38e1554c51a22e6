import type { LanguageModelV4 } from '@ai-sdk/provider';
import { createOpenAI } from '@ai-sdk/openai';
import type { ModelIdentity } from '@/lib/tracing/traced-model';
import { createOfflineModel, OFFLINE_MODEL_ID } from './offline-model';

export interface SelectedModel {
  model: LanguageModelV4;
  identity: ModelIdentity;
}

export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The one place that picks the model. With `OPENAI_API_KEY`: the chat-completions API of OpenAI or
 * any OpenAI-compatible server (`OPENAI_BASE_URL`), model `CHAT_MODEL`; usage is requested in the
 * stream (`stream_options.include_usage`), so token counts are real. Without a key: the offline
 * model, which needs no network.
 */
export function getLanguageModel(env: Env = process.env): SelectedModel {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (apiKey) {
    const openai = createOpenAI({ apiKey, baseURL: env.OPENAI_BASE_URL?.trim() || undefined });
    return {
      model: openai.chat(env.CHAT_MODEL?.trim() || DEFAULT_OPENAI_MODEL),
      identity: { provider: 'openai', system: 'openai' },
    };
  }
  return { model: createOfflineModel(), identity: { provider: 'offline', system: 'offline' } };
}

/** The id of the one model this server serves (what a request's optional `model` field must name). */
export function configuredModelId(env: Env = process.env): string {
  return env.OPENAI_API_KEY?.trim() ? env.CHAT_MODEL?.trim() || DEFAULT_OPENAI_MODEL : OFFLINE_MODEL_ID;
}
