import { describe, expect, it } from 'vitest';
import { completionEndpoint } from './completion-endpoint';

describe('completionEndpoint', () => {
  it('joins the base URL and the path as the provider does, the path relative to the base', () => {
    expect(completionEndpoint('https://api.openai.com/v1/', 'chat/completions')).toEqual({
      full: 'https://api.openai.com/v1/chat/completions',
      path: 'chat/completions',
    });
    expect(completionEndpoint('https://generativelanguage.googleapis.com/v1beta', 'models/gemini-2.0-flash:streamGenerateContent', { alt: 'sse' })).toEqual({
      full: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse',
      path: 'models/gemini-2.0-flash:streamGenerateContent',
    });
  });

  it('leaves credentials out: user info and key-like query parameters', () => {
    const { full } = completionEndpoint('https://user:s3cret@gateway.example.com/v1?key=AIza123&api-version=2024-10-21&access_token=t', 'chat/completions');
    expect(full).not.toMatch(/s3cret|AIza123|access_token|user/);
    expect(full).toContain('api-version=2024-10-21');
  });

  it("splits back into Phoenix's base URL: url.full minus url.path", () => {
    const { full, path } = completionEndpoint('http://localhost:11434/v1', 'chat/completions');
    expect(full.split(path)[0]).toBe('http://localhost:11434/v1/');
  });
});
