import { ROOT_CONTEXT } from '@opentelemetry/api';
import { streamText } from 'ai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { traceLanguageModel } from '@/lib/tracing/lifecycle/traced-model';
import { spanByKind, useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import { startFakeAnthropic } from '../testing/fake-anthropic-server';
import { startFakeGemini } from '../testing/fake-gemini-server';
import { startFakeOpenAI } from '../testing/fake-openai-server';
import type { FakeSseServer } from '../testing/fake-sse-server';
import { getLanguageModel } from '../get-language-model';
import { readConfig } from '@/lib/config/read-config';

const tracing = useInMemoryTracing();
let fake: FakeSseServer | undefined;
beforeEach(() => tracing.reset());
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const settings = { maxOutputTokens: 321, temperature: 0.25, topK: 12, stopSequences: ['<END>'] };
const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Streams one call with `settings` through the traced model and returns its invocation parameters and the body the provider received. */
async function callWithSettings(env: Record<string, string>): Promise<{ parameters: Record<string, unknown>; body: Record<string, unknown> }> {
  const { model, identity } = getLanguageModel(readConfig(env));
  const result = streamText({ model: traceLanguageModel(model, identity, ROOT_CONTEXT), prompt: 'Hi', maxRetries: 0, ...settings });
  await result.consumeStream();
  await expect.poll(() => tracing.spans().length).toBe(1);
  const parameters = JSON.parse(String(spanByKind(tracing.spans(), 'LLM').attributes['llm.invocation_parameters'])) as Record<string, unknown>;
  return { parameters, body: fake!.requests[0]!.body };
}

/**
 * The names in `llm.invocation_parameters` are the ones the provider's API uses (what Phoenix's
 * Playground sends back when it replays the span): each recorded value is in the real request body
 * under that name (Gemini's REST body spells the same fields in camelCase, inside `generationConfig`).
 */
describe('llm.invocation_parameters speak the provider API', () => {
  it('Anthropic: max_tokens, temperature, top_k, stop_sequences as in the Messages request', async () => {
    fake = await startFakeAnthropic();
    const { parameters, body } = await callWithSettings({ CHAT_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: fake.baseURL });
    expect(parameters).toEqual({ model: 'claude-haiku-4-5', max_tokens: 321, temperature: 0.25, top_k: 12, stop_sequences: ['<END>'] });
    for (const [name, value] of Object.entries(parameters)) expect(body[name], name).toEqual(value);
  });

  it('Gemini: max_output_tokens, temperature, top_k, stop_sequences as in generationConfig', async () => {
    fake = await startFakeGemini();
    const { parameters, body } = await callWithSettings({ CHAT_PROVIDER: 'google', GOOGLE_GENERATIVE_AI_API_KEY: 'k', GOOGLE_GENERATIVE_AI_BASE_URL: fake.baseURL });
    expect(parameters).toEqual({ model: 'gemini-2.5-flash', max_output_tokens: 321, temperature: 0.25, top_k: 12, stop_sequences: ['<END>'] });
    const config = body.generationConfig as Record<string, unknown>;
    for (const [name, value] of Object.entries(parameters)) if (name !== 'model') expect(config[camel(name)], name).toEqual(value);
  });

  it('OpenAI-compatible: max_tokens, temperature, stop as in the chat-completions request (it has no top_k)', async () => {
    fake = await startFakeOpenAI();
    const { parameters, body } = await callWithSettings({ CHAT_PROVIDER: 'openai-compatible', OPENAI_COMPATIBLE_BASE_URL: fake.baseURL, CHAT_MODEL: 'qwen3' });
    expect(parameters).toEqual({ model: 'qwen3', max_tokens: 321, temperature: 0.25, stop: ['<END>'] });
    expect(body).not.toHaveProperty('top_k');
    for (const [name, value] of Object.entries(parameters)) expect(body[name], name).toEqual(value);
  });
});
