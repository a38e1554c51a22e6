import { describe, expect, it } from 'vitest';
import { flushAfterTurnEnabled } from './flush-after-turn';
import { readConfig } from '@/lib/config/read-config';

describe('flushAfterTurnEnabled (TRACE_FLUSH_AFTER_TURN default)', () => {
  it('is on where the platform may freeze the function, and under next dev', () => {
    expect(flushAfterTurnEnabled(readConfig({ VERCEL: '1', NODE_ENV: 'production' }))).toBe(true);
    expect(flushAfterTurnEnabled(readConfig({ AWS_LAMBDA_FUNCTION_NAME: 'f', NODE_ENV: 'production' }))).toBe(true);
    expect(flushAfterTurnEnabled(readConfig({ NODE_ENV: 'development' }))).toBe(true);
  });

  it('is off (batching) on a long-running production server', () => {
    expect(flushAfterTurnEnabled(readConfig({ NODE_ENV: 'production' }))).toBe(false);
  });

  it('follows an explicit 1/0/true/false either way', () => {
    expect(flushAfterTurnEnabled(readConfig({ TRACE_FLUSH_AFTER_TURN: '1', NODE_ENV: 'production' }))).toBe(true);
    expect(flushAfterTurnEnabled(readConfig({ TRACE_FLUSH_AFTER_TURN: 'false', VERCEL: '1' }))).toBe(false);
    expect(flushAfterTurnEnabled(readConfig({ TRACE_FLUSH_AFTER_TURN: '0', NODE_ENV: 'development' }))).toBe(false);
  });
});
