import { describe, expect, it } from 'vitest';
import { redactedError, redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  const env = { OPENAI_API_KEY: 'my-odd-key-123456', PHOENIX_API_KEY: 'phx-PLANTED-1' };
  it('removes the configured keys, bearer tokens and sk- keys', () => {
    expect(redactSecrets('Incorrect API key provided: my-odd-key-123456.', env)).toBe('Incorrect API key provided: [REDACTED].');
    expect(redactSecrets('sent Authorization: Bearer abc.def-ghi', env)).toBe('sent Authorization: Bearer [REDACTED]');
    expect(redactSecrets('key sk-proj-AbCdEf123456 is wrong', env)).toBe('key [REDACTED] is wrong');
    expect(redactSecrets('phx-PLANTED-1 leaked', env)).toBe('[REDACTED] leaked');
    expect(redactSecrets('nothing secret here', env)).toBe('nothing secret here');
  });
  it('redacts an error message and stack, keeping its name', () => {
    const error = new TypeError('bad key sk-test-PLANTED0001');
    const copy = redactedError(error);
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('bad key [REDACTED]');
    expect(copy.stack).not.toContain('PLANTED');
  });
});
