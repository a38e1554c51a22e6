import { describe, expect, it } from 'vitest';
import { resolveProviderSettings } from './provider-settings';
import { readConfig } from '@/lib/config/read-config';

describe('resolveProviderSettings', () => {
  it('defaults to the offline model without keys, and to the provider whose key is set', () => {
    expect(resolveProviderSettings(readConfig({}).provider)).toEqual({ kind: 'offline' });
    expect(resolveProviderSettings(readConfig({ OPENAI_API_KEY: ' ' }).provider)).toEqual({ kind: 'offline' });
    expect(resolveProviderSettings(readConfig({ GOOGLE_GENERATIVE_AI_API_KEY: 'g' }).provider).kind).toBe('google');
    expect(resolveProviderSettings(readConfig({ ANTHROPIC_API_KEY: 'a', GOOGLE_GENERATIVE_AI_API_KEY: 'g' }).provider).kind).toBe('anthropic');
    expect(resolveProviderSettings(readConfig({ OPENAI_API_KEY: 'o', ANTHROPIC_API_KEY: 'a' }).provider).kind).toBe('openai');
    expect(resolveProviderSettings(readConfig({ CHAT_PROVIDER: 'offline', OPENAI_API_KEY: 'o' }).provider)).toEqual({ kind: 'offline' });
  });

  it('fills in the default base URL and model, strips a trailing slash, reads CHAT_LLM_PROVIDER', () => {
    expect(resolveProviderSettings(readConfig({ CHAT_PROVIDER: 'Anthropic', ANTHROPIC_API_KEY: 'a' }).provider)).toEqual({
      kind: 'anthropic',
      apiKey: 'a',
      baseURL: 'https://api.anthropic.com/v1',
      modelId: 'claude-haiku-4-5',
    });
    expect(
      resolveProviderSettings(readConfig({
        CHAT_PROVIDER: 'openai-compatible',
        OPENAI_COMPATIBLE_BASE_URL: 'http://vllm:8000/v1/',
        CHAT_MODEL: 'meta-llama/Llama-3.1-8B-Instruct',
        CHAT_LLM_PROVIDER: 'Meta',
      }).provider),
    ).toEqual({ kind: 'openai-compatible', baseURL: 'http://vllm:8000/v1', modelId: 'meta-llama/Llama-3.1-8B-Instruct', llmProvider: 'meta' });
  });

  it.each([
    [{ CHAT_PROVIDER: 'claude' }, /CHAT_PROVIDER must be one of/],
    [{ CHAT_PROVIDER: 'google' }, /needs GOOGLE_GENERATIVE_AI_API_KEY/],
    [{ CHAT_PROVIDER: 'openai' }, /needs OPENAI_API_KEY/],
    [{ CHAT_PROVIDER: 'openai-compatible', CHAT_MODEL: 'm' }, /needs OPENAI_COMPATIBLE_BASE_URL/],
    [{ CHAT_PROVIDER: 'openai-compatible', OPENAI_COMPATIBLE_BASE_URL: 'http://localhost:11434/v1' }, /needs CHAT_MODEL/],
    [{ CHAT_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'a', ANTHROPIC_BASE_URL: 'localhost:8080' }, /ANTHROPIC_BASE_URL must be an http\(s\) URL/],
  ])('refuses %o', (env, message) => {
    expect(() => resolveProviderSettings(readConfig(env).provider)).toThrow(message);
  });
});
