import { describe, expect, it } from 'vitest';
import { inferLLMProvider, llmProviderIdentity } from './llm-provider';

describe('inferLLMProvider', () => {
  it.each([
    ['https://api.openai.com/v1', 'openai'],
    ['https://my-deployment.openai.azure.com/openai/v1', 'azure'],
    ['https://api.anthropic.com/v1', 'anthropic'],
    ['https://generativelanguage.googleapis.com/v1beta/openai', 'google'],
    ['https://us-central1-aiplatform.googleapis.com/v1', 'google'],
    ['https://api.mistral.ai/v1', 'mistralai'],
    ['https://api.deepseek.com', 'deepseek'],
    ['https://api.x.ai/v1', 'xai'],
    ['https://api.groq.com/openai/v1', 'groq'],
    ['https://api.together.xyz/v1', 'together'],
    ['https://API.OPENAI.COM/v1', 'openai'],
    ['http://localhost:11434/v1', 'ollama'],
    ['http://127.0.0.1:11434/v1', 'ollama'],
  ])('%s is %s', (url, provider) => {
    expect(inferLLMProvider(url)).toBe(provider);
  });

  it.each([
    'http://localhost:8000/v1', // vLLM's default port: could be anything
    'http://127.0.0.1:1234/v1', // LM Studio
    'https://llm-gateway.example.com/v1',
    'https://api.openai.com.evil.example/v1',
    'https://openai.azure.com/v1',
    'not a url',
  ])('%s is unknown', (url) => {
    expect(inferLLMProvider(url)).toBeUndefined();
  });
});

describe('llmProviderIdentity', () => {
  it('pairs each provider with the llm.system OpenInference and Phoenix give it, or none', () => {
    expect(llmProviderIdentity('https://api.openai.com/v1')).toEqual({ provider: 'openai', system: 'openai' });
    expect(llmProviderIdentity('https://x.openai.azure.com')).toEqual({ provider: 'azure', system: 'openai' });
    expect(llmProviderIdentity('https://api.anthropic.com/v1')).toEqual({ provider: 'anthropic', system: 'anthropic' });
    expect(llmProviderIdentity('https://api.mistral.ai/v1')).toEqual({ provider: 'mistralai', system: 'mistralai' });
    expect(llmProviderIdentity('https://generativelanguage.googleapis.com/v1beta')).toEqual({ provider: 'google' });
    expect(llmProviderIdentity('https://api.deepseek.com')).toEqual({ provider: 'deepseek' });
  });

  it('takes CHAT_LLM_PROVIDER over the host, and says nothing for an unknown host without it', () => {
    expect(llmProviderIdentity('http://127.0.0.1:4550/v1', 'OpenAI')).toEqual({ provider: 'openai', system: 'openai' });
    expect(llmProviderIdentity('http://vllm.internal:8000/v1', 'meta')).toEqual({ provider: 'meta' });
    expect(llmProviderIdentity('http://vllm.internal:8000/v1')).toEqual({});
    expect(llmProviderIdentity('http://vllm.internal:8000/v1', '  ')).toEqual({});
  });
});
