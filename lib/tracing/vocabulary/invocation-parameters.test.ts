import { describe, expect, it } from 'vitest';
import { getInvocationParameters } from './invocation-parameters';

const settings = { maxOutputTokens: 256, temperature: 0.3, topP: 0.9, topK: 40, stopSequences: ['END'], seed: 7, presencePenalty: 0.1 };

describe('getInvocationParameters', () => {
  it("names the settings as each provider's API does, leaving out what the provider has no name for", () => {
    expect(getInvocationParameters('gpt-4o-mini', settings)).toEqual({
      model: 'gpt-4o-mini', max_tokens: 256, temperature: 0.3, top_p: 0.9, presence_penalty: 0.1, stop: ['END'], seed: 7,
    });
    expect(getInvocationParameters('claude-haiku-4-5', settings, 'anthropic')).toEqual({
      model: 'claude-haiku-4-5', max_tokens: 256, temperature: 0.3, top_p: 0.9, top_k: 40, stop_sequences: ['END'],
    });
    expect(getInvocationParameters('gemini-2.0-flash', settings, 'google')).toEqual({
      model: 'gemini-2.0-flash', max_output_tokens: 256, temperature: 0.3, top_p: 0.9, top_k: 40, presence_penalty: 0.1, stop_sequences: ['END'], seed: 7,
    });
  });

  it('only settings that were set', () => {
    expect(getInvocationParameters('m', {}, 'anthropic')).toEqual({ model: 'm' });
  });
});
