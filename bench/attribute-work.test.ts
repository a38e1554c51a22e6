import { describe, expect, it } from 'vitest';
import { isChunkIndependent, measureAttributeWork } from './attribute-work';

describe('span work per turn', () => {
  it('does not grow with the number of streamed chunks (attributes are built once, at stream close)', async () => {
    const rows = await measureAttributeWork([10, 1000], 5, 1000);
    expect(rows.map((row) => [row.chunks, row.concurrency])).toEqual([[10, 1], [1000, 1], [1000, 5]]);
    expect(rows[0]).toMatchObject({ spans: 2, exportCalls: 2 });
    expect(rows[0]!.writes).toBeGreaterThan(0);
    expect(isChunkIndependent(rows)).toBe(true);
  });
});
