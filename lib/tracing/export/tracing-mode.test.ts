import { describe, expect, it } from 'vitest';
import { tracingMode } from './tracing-mode';

describe('tracingMode', () => {
  it('defaults to our OpenInference spans', () => {
    expect(tracingMode({})).toBe('openinference');
    expect(tracingMode({ TRACING_MODE: 'nonsense' })).toBe('openinference');
  });
  it('reads off and peer, case-insensitively', () => {
    expect(tracingMode({ TRACING_MODE: 'OFF' })).toBe('off');
    expect(tracingMode({ TRACING_MODE: ' peer ' })).toBe('peer');
  });
});
