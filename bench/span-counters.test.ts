import { describe, expect, it } from 'vitest';
import { counterFailures, type CounterReport } from './span-counters';

const good: CounterReport = {
  ours: {
    label: 'census',
    turns: 10,
    recordingSpansPerTurn: 2,
    nonRecordingSpansPerTurn: 7,
    recordingByTracer: { 'traced-chat': 2 },
    nonRecordingByTracer: { 'next.js': 7 },
    exportedSpansPerTurn: 2,
    startAttributeKeysPerTurn: 18,
    spanWritesPerTurn: 7,
    attributeKeysWrittenPerTurn: 14,
    exportedBytesPerTurn: 3600,
    exportRequestsPerTurn: 1,
    failedTurns: 0,
  },
  flush: { concurrency: 50, turns: 200, wallMs: 4000, exportRequests: 40, exportRequestsPerSecond: 10, turnsPerSecond: 50, windowMs: 50, failedTurns: 0 },
};

describe('counterFailures (what bench:smoke asserts)', () => {
  it('passes when recording = exported, only our tracer records and flushes coalesce', () => {
    expect(counterFailures(good)).toEqual([]);
  });

  it('fails when a framework span is recorded, or recorded and exported differ', () => {
    const leaky = { ...good, ours: { ...good.ours, recordingSpansPerTurn: 9, recordingByTracer: { 'traced-chat': 2, 'next.js': 7 } } };
    expect(counterFailures(leaky).join('\n')).toMatch(/9 != exported 2[\s\S]*expected 2[\s\S]*other tracers/);
  });

  it('fails when per-turn flushes make an export each', () => {
    const perTurn = { ...good, flush: { ...good.flush, exportRequests: 200 } };
    expect(counterFailures(perTurn).join('\n')).toMatch(/200 export requests for 200 turns/);
  });
});
