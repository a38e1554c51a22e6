import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { categorize, summarizeProfiles } from './cpu-profile-summary';

describe('cpu profile summary', () => {
  it('tells tracing code from the rest by original source', () => {
    expect(categorize('lib/tracing/span-lifecycle.ts')).toBe('our tracing (lib/tracing)');
    expect(categorize('node_modules/@opentelemetry/sdk-trace-base/src/Span.ts')).toBe('OpenTelemetry');
    expect(categorize('node_modules/@vercel/otel/dist/node/index.js')).toBe('@vercel/otel');
    expect(categorize('node_modules/next/dist/server/lib/trace/tracer.js')).toBe('Next.js tracer');
    expect(categorize('node_modules/next/dist/server/base-server.js')).toBe('Next.js');
    expect(categorize('lib/ai/stall-timeout.ts')).toBe('app code');
  });

  it('charges each sample one sampling interval (not the gap before it) and keeps only the window', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prof-'));
    const file = join(dir, 'a.cpuprofile');
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '1' });
    writeFileSync(
      file,
      JSON.stringify({
        nodes: [
          { id: 1, callFrame: frame('(root)', '') },
          { id: 2, callFrame: frame('startSpan', 'file:///x/node_modules/@opentelemetry/sdk-trace-base/build/Tracer.js') },
          { id: 3, callFrame: frame('handle', 'file:///x/lib/chat/stream-chat-turn.js') },
        ],
        startTime: 0,
        // 100 µs apart, except one 50 ms gap (the process was descheduled); the last sample is outside the window.
        samples: [2, 3, 2, 3, 2],
        timeDeltas: [100, 100, 50_000, 100, 100_000],
      }),
    );
    const summary = summarizeProfiles([file], 1, { startUs: 0, endUs: 60_000 });
    expect(summary.categories).toEqual({ OpenTelemetry: 200, 'app code': 200 });
  });
});
