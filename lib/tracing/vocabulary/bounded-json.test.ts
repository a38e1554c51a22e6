import { describe, expect, it } from 'vitest';
import { boundedJson } from './bounded-json';

describe('boundedJson', () => {
  it('leaves JSON within the limit as it is', () => {
    expect(boundedJson({ messages: [{ role: 'user', content: 'hi' }] }, 100)).toBe('{"messages":[{"role":"user","content":"hi"}]}');
  });

  it('shortens long strings so the JSON stays valid and within the limit', () => {
    const value = { messages: [{ role: 'user', content: 'line\n'.repeat(100_000) }, { role: 'user', content: 'last' }] };
    const json = boundedJson(value, 65_536);
    expect(json.length).toBeLessThanOrEqual(65_536);
    const parsed = JSON.parse(json) as typeof value;
    expect(parsed.messages[0]!.content.endsWith('…')).toBe(true);
    expect(parsed.messages[1]!.content).toBe('last');
  });

  it('falls back to a valid marker when even short strings do not fit', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ role: 'user', content: `message ${i}` }));
    expect(JSON.parse(boundedJson(many, 1000))).toMatchObject({ truncated: true });
  });
});
