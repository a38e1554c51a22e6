/**
 * Durable storage for the receiver: an append-only log of JSON records in NDJSON segment files
 * (`segment-000001.ndjson`, …) under one directory. Appends go to the newest segment; when it would
 * pass `maxSegmentBytes` a new one is started, and the oldest segments are deleted while there are
 * more than `maxSegments` or they hold more than `maxTotalBytes` together. Everything kept is read
 * back on start. Writes are synchronous appends: a crash loses at most a torn last line, which
 * `load()` skips.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface SegmentLogOptions {
  dir: string;
  /** Start a new segment past this size. Default 4 MiB. */
  maxSegmentBytes?: number;
  /** Keep at most this many segments. Default 8. */
  maxSegments?: number;
  /** Keep at most this many bytes over all segments (the newest segment always stays). Default 32 MiB. */
  maxTotalBytes?: number;
}

export interface LoggedRecord {
  segment: number;
  record: unknown;
}

export interface SegmentLog {
  readonly dir: string;
  /** Every record of the kept segments, oldest first; skips lines that are not JSON. */
  load(): LoggedRecord[];
  /** Appends one record; returns the segment it went to. */
  append(record: unknown): number;
  /** The oldest segment still on disk: records of older segments were rotated away. */
  oldestSegment(): number;
  /** Deletes every segment. */
  clear(): void;
}

export const SEGMENT_DEFAULTS = { maxSegmentBytes: 4 * 1024 * 1024, maxSegments: 8, maxTotalBytes: 32 * 1024 * 1024 };
const SEGMENT_FILE = /^segment-(\d{6,})\.ndjson$/;

export function openSegmentLog(options: SegmentLogOptions): SegmentLog {
  const { dir } = options;
  const maxSegmentBytes = options.maxSegmentBytes ?? SEGMENT_DEFAULTS.maxSegmentBytes;
  const maxSegments = Math.max(1, options.maxSegments ?? SEGMENT_DEFAULTS.maxSegments);
  const maxTotalBytes = options.maxTotalBytes ?? SEGMENT_DEFAULTS.maxTotalBytes;
  mkdirSync(dir, { recursive: true });
  const fileOf = (segment: number) => path.join(dir, `segment-${String(segment).padStart(6, '0')}.ndjson`);
  /** Kept segments, oldest first, with their sizes. */
  const segments: { segment: number; bytes: number }[] = readdirSync(dir)
    .flatMap((name) => {
      const match = SEGMENT_FILE.exec(name);
      return match ? [{ segment: Number(match[1]), bytes: statSync(path.join(dir, name)).size }] : [];
    })
    .sort((a, b) => a.segment - b.segment);

  function prune(): void {
    let total = segments.reduce((sum, s) => sum + s.bytes, 0);
    while (segments.length > 1 && (segments.length > maxSegments || total > maxTotalBytes)) {
      const oldest = segments.shift()!;
      total -= oldest.bytes;
      rmSync(fileOf(oldest.segment), { force: true });
    }
  }

  return {
    dir,
    load() {
      const records: LoggedRecord[] = [];
      for (const { segment } of segments) {
        for (const line of readFileSync(fileOf(segment), 'utf8').split('\n')) {
          if (line.trim() === '') continue;
          try {
            records.push({ segment, record: JSON.parse(line) });
          } catch {
            // A torn line from a crash mid-append: skip it.
          }
        }
      }
      return records;
    },
    append(record) {
      const line = `${JSON.stringify(record)}\n`;
      const bytes = Buffer.byteLength(line);
      let current = segments[segments.length - 1];
      if (!current || (current.bytes > 0 && current.bytes + bytes > maxSegmentBytes)) {
        current = { segment: (current?.segment ?? 0) + 1, bytes: 0 };
        segments.push(current);
      }
      appendFileSync(fileOf(current.segment), line);
      current.bytes += bytes;
      prune();
      return current.segment;
    },
    oldestSegment: () => segments[0]?.segment ?? 1,
    clear() {
      for (const { segment } of segments.splice(0)) rmSync(fileOf(segment), { force: true });
    },
  };
}
