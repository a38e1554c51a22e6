import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchSpans, waitForReceivedSpans } from './http-client';
import { startReceiver, type Receiver } from './receiver-server';

function exportBody(): Uint8Array<ArrayBuffer> {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'openinference.project.name': 'from-resource' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  provider.getTracer('t').startSpan('one', { attributes: { n: 1 } }).end();
  return new Uint8Array(ProtobufTraceSerializer.serializeRequest(exporter.getFinishedSpans())!);
}

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver({ apiKey: 'secret' });
});
afterAll(() => receiver.close());
beforeEach(() => receiver.clear());

const post = (body: BodyInit, headers: Record<string, string>) =>
  fetch(`${receiver.url}/v1/traces`, { method: 'POST', body, headers: { authorization: 'Bearer secret', ...headers } });

describe('receiver (Phoenix-like ingestion)', () => {
  it('accepts OTLP protobuf with the key and files spans under the resource project', async () => {
    const response = await post(exportBody(), { 'content-type': 'application/x-protobuf' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
    expect(receiver.spans()).toHaveLength(1);
    expect(receiver.spans()[0]).toMatchObject({ name: 'one', project: 'from-resource', attributes: { n: 1 } });
    const viaHttp = await fetchSpans(receiver.url);
    expect(viaHttp[0]!.startTimeUnixNano).toBe(receiver.spans()[0]!.startTimeUnixNano);
  });

  it('lets the x-project-name header win and accepts gzip', async () => {
    const response = await post(new Uint8Array(gzipSync(exportBody())), {
      'content-type': 'application/x-protobuf',
      'content-encoding': 'gzip',
      'x-project-name': 'from-header',
    });
    expect(response.status).toBe(200);
    expect(receiver.spans()[0]!.project).toBe('from-header');
  });

  it('rejects JSON like Phoenix (415), garbage (400) and a missing or wrong key (401)', async () => {
    expect((await post('{"resourceSpans":[]}', { 'content-type': 'application/json' })).status).toBe(415);
    expect((await post(new Uint8Array([0xff, 0xff, 0xff]), { 'content-type': 'application/x-protobuf' })).status).toBe(400);
    const noKey = await fetch(`${receiver.url}/v1/traces`, { method: 'POST', body: exportBody(), headers: { 'content-type': 'application/x-protobuf' } });
    expect(noKey.status).toBe(401);
    expect((await post(exportBody(), { 'content-type': 'application/x-protobuf', authorization: 'Bearer wrong' })).status).toBe(401);
    expect(receiver.spans()).toHaveLength(0);
  });

  it('waits for spans and times out naming what arrived', async () => {
    setTimeout(() => void post(exportBody(), { 'content-type': 'application/x-protobuf' }), 150);
    const spans = await waitForReceivedSpans(receiver.url, (s) => s.length === 1, 3000);
    expect(spans[0]!.name).toBe('one');
    await expect(waitForReceivedSpans(receiver.url, (s) => s.length === 5, 300)).rejects.toThrow(/received: one/);
  });
});
