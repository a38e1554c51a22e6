import { describe, expect, it } from 'vitest';
import { providerUsageDetails } from './provider-usage-details';

describe("providerUsageDetails: each provider's own usage object", () => {
  it('OpenAI chat completions and compatible servers', () => {
    expect(
      providerUsageDetails({
        prompt_tokens: 10,
        completion_tokens: 5,
        prompt_tokens_details: { cached_tokens: 4, audio_tokens: 1 },
        completion_tokens_details: { reasoning_tokens: 2, audio_tokens: 3 },
      }),
    ).toEqual({ cacheRead: 4, cacheWrite: undefined, reasoning: 2, promptAudio: 1, completionAudio: 3 });
    expect(providerUsageDetails({ prompt_tokens: 10, completion_tokens: 5 })).toEqual({});
  });

  it('Anthropic Messages', () => {
    expect(
      providerUsageDetails({ input_tokens: 3, output_tokens: 4, cache_read_input_tokens: 50, cache_creation_input_tokens: 7, output_tokens_details: { thinking_tokens: 2 } }),
    ).toEqual({ cacheRead: 50, cacheWrite: 7, reasoning: 2 });
    expect(providerUsageDetails({ input_tokens: 3, output_tokens: 4, cache_read_input_tokens: 0 })).toEqual({ cacheRead: 0 });
  });

  it('Gemini', () => {
    expect(providerUsageDetails({ promptTokenCount: 9, cachedContentTokenCount: 5, thoughtsTokenCount: 8 })).toEqual({ cacheRead: 5, reasoning: 8 });
    expect(providerUsageDetails({ promptTokenCount: 9, candidatesTokenCount: 1 })).toEqual({});
  });

  it('an unknown shape or none: undefined (the normalised usage is used)', () => {
    expect(providerUsageDetails(undefined)).toBeUndefined();
    expect(providerUsageDetails({ tokens: 3 })).toBeUndefined();
  });
});
