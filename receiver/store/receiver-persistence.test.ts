import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../http/receiver-server.ts';
import { oneSpanExport } from '../otlp/sdk-fixtures.ts';

let dir: string;
const open: Receiver[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'receiver-data-'));
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(retention?: { maxSegmentBytes?: number; maxSegments?: number }): Promise<Receiver> {
  const receiver = await startReceiver({ dataDir: dir, retention });
  open.push(receiver);
  return receiver;
}
const exportSpan = (receiver: Receiver, name: string) =>
  fetch(`${receiver.url}/v1/traces`, { method: 'POST', body: oneSpanExport(name), headers: { 'content-type': 'application/x-protobuf' } });
const annotate = (receiver: Receiver, spanId: string, label: string) =>
  fetch(`${receiver.url}/v1/span_annotations`, {
    method: 'POST',
    body: JSON.stringify({ data: [{ span_id: spanId, name: 'user_feedback', annotator_kind: 'HUMAN', result: { label } }] }),
  });

describe('receiver with a data directory', () => {
  it('keeps spans and annotations across a restart, identical to what it served before', async () => {
    const first = await start();
    expect((await exportSpan(first, 'kept')).status).toBe(200);
    const spanId = first.spans()[0]!.spanId;
    expect((await annotate(first, spanId, 'up')).status).toBe(200);
    const before = await (await fetch(`${first.url}/spans`)).json();
    await first.close();
    open.length = 0;

    const second = await start();
    expect(await (await fetch(`${second.url}/spans`)).json()).toEqual(before);
    expect(typeof second.spans()[0]!.startTimeUnixNano).toBe('bigint');
    expect(second.annotations()).toEqual([expect.objectContaining({ span_id: spanId, result: { label: 'up' } })]);
    // An update after the restart keeps the annotation's id.
    const id = second.annotations()[0]!.id;
    await annotate(second, spanId, 'down');
    expect(second.annotations()).toEqual([expect.objectContaining({ id, result: { label: 'down' } })]);
  });

  it('rotates segments and drops the spans of deleted segments from memory too', async () => {
    const receiver = await start({ maxSegmentBytes: 1, maxSegments: 2 }); // one span per segment
    for (const name of ['a', 'b', 'c', 'd']) await exportSpan(receiver, name);
    expect(receiver.spans().map((s) => s.name)).toEqual(['c', 'd']);
    expect(readdirSync(dir).sort()).toEqual(['segment-000003.ndjson', 'segment-000004.ndjson']);
    await receiver.close();
    open.length = 0;
    expect((await start({ maxSegmentBytes: 1, maxSegments: 2 })).spans().map((s) => s.name)).toEqual(['c', 'd']);
  });

  it('DELETE /spans empties the directory', async () => {
    const receiver = await start();
    await exportSpan(receiver, 'gone');
    await fetch(`${receiver.url}/spans`, { method: 'DELETE' });
    expect(readdirSync(dir)).toEqual([]);
    await receiver.close();
    open.length = 0;
    expect((await start()).spans()).toEqual([]);
  });
});
