import { mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSegmentLog } from './segment-log.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'segment-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const files = () => readdirSync(dir).sort();

describe('segment log', () => {
  it('reloads what was appended after reopening, in order', () => {
    const log = openSegmentLog({ dir });
    log.append({ n: 1 });
    log.append({ n: 2 });
    const reopened = openSegmentLog({ dir });
    expect(reopened.load()).toEqual([
      { segment: 1, record: { n: 1 } },
      { segment: 1, record: { n: 2 } },
    ]);
    reopened.append({ n: 3 });
    expect(openSegmentLog({ dir }).load().map((r) => r.record)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(files()).toEqual(['segment-000001.ndjson']);
  });

  it('rotates past maxSegmentBytes and keeps at most maxSegments', () => {
    const log = openSegmentLog({ dir, maxSegmentBytes: 30, maxSegments: 2 });
    // Each line is 20 bytes: one per segment.
    for (let n = 0; n < 5; n++) expect(log.append({ value: `${n}`.padEnd(7, 'x') })).toBe(n + 1);
    expect(files()).toEqual(['segment-000004.ndjson', 'segment-000005.ndjson']);
    expect(log.oldestSegment()).toBe(4);
    const reopened = openSegmentLog({ dir, maxSegmentBytes: 30, maxSegments: 2 });
    expect(reopened.load().map((r) => r.segment)).toEqual([4, 5]);
    expect(reopened.append({ value: 'after' })).toBe(6);
  });

  it('keeps at most maxTotalBytes, but always the newest segment', () => {
    const log = openSegmentLog({ dir, maxSegmentBytes: 50, maxSegments: 100, maxTotalBytes: 100 });
    for (let n = 0; n < 10; n++) log.append({ value: 'y'.repeat(30) }); // 43-byte lines, one per segment
    expect(files()).toHaveLength(2);
    const big = openSegmentLog({ dir: path.join(dir, 'big'), maxTotalBytes: 10 });
    big.append({ value: 'z'.repeat(50) });
    expect(big.load()).toHaveLength(1);
  });

  it('skips a torn last line and ignores unrelated files; clear() deletes every segment', () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'not a segment');
    const log = openSegmentLog({ dir });
    log.append({ ok: true });
    appendFileSync(path.join(dir, 'segment-000001.ndjson'), '{"torn":');
    expect(openSegmentLog({ dir }).load().map((r) => r.record)).toEqual([{ ok: true }]);
    log.clear();
    expect(files()).toEqual(['notes.txt']);
    expect(openSegmentLog({ dir }).load()).toEqual([]);
    expect(log.append({ again: 1 })).toBe(1);
  });
});
