import { beforeAll, describe, expect, it } from 'vitest';
import { decodeTraceRequest, ExportTraceServiceRequest, type ReceivedSpan } from './decode-traces.ts';
import { nanos, RICH_ATTRIBUTES, richSpans, serialize } from './sdk-fixtures.ts';

const encode = (request: object) => ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(request)).finish();
const TRACE_ID = Buffer.from('0af7651916cd43dd8448eb211c80319c', 'hex');
const SPAN_ID = Buffer.from('b7ad6b7169203331', 'hex');
const withAttributes = (attributes: object[], ids: object = { traceId: TRACE_ID, spanId: SPAN_ID }) => ({
  resourceSpans: [{ scopeSpans: [{ scope: { name: 'manual' }, spans: [{ ...ids, name: 'manual', attributes }] }] }],
});

describe('decodeTraceRequest: round trip against the OpenTelemetry JS protobuf serializer', () => {
  const sdk = richSpans();
  let spans: ReceivedSpan[], child: ReceivedSpan, parent: ReceivedSpan;
  beforeAll(() => {
    spans = decodeTraceRequest(serialize(sdk.all));
    child = spans.find((s) => s.name === 'child')!;
    parent = spans.find((s) => s.name === 'parent')!;
  });

  it('keeps ids as hex, the parent link, kinds and nanosecond times', () => {
    expect(spans).toHaveLength(2);
    expect(child.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(child.traceId).toBe(sdk.child.spanContext().traceId);
    expect(child.spanId).toBe(sdk.child.spanContext().spanId);
    expect(child.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(child.parentSpanId).toBe(sdk.parent.spanContext().spanId);
    expect(parent.traceId).toBe(child.traceId);
    expect(parent.parentSpanId).toBeUndefined();
    expect('parentSpanId' in parent).toBe(false);
    expect(parent.kind).toBe(2); // SPAN_KIND_SERVER
    expect(child.kind).toBe(1); // SPAN_KIND_INTERNAL
    expect(child.startTimeUnixNano).toBe(nanos(sdk.child.startTime));
    expect(child.endTimeUnixNano).toBe(nanos(sdk.child.endTime));
    expect(parent.startTimeUnixNano).toBe(nanos(sdk.parent.startTime));
    expect(parent.endTimeUnixNano).toBe(nanos(sdk.parent.endTime));
  });

  it('keeps attribute values and tells ints from doubles', () => {
    expect(child.attributes).toEqual(RICH_ATTRIBUTES);
    expect(child.attributeTypes).toEqual({
      'llm.token_count.prompt': 'int',
      'llm.token_count.total': 'int',
      'big.int': 'int',
      'negative.int': 'int',
      ratio: 'double',
      'whole.double': 'double',
      flag: 'bool',
      off: 'bool',
      text: 'string',
      empty: 'string',
      tags: 'array',
      numbers: 'array',
    });
    expect(typeof child.attributes['llm.token_count.prompt']).toBe('number');
  });

  it('keeps status, events, links, resource and scope', () => {
    expect(child.status).toEqual({ code: 2, message: 'it failed' });
    expect(parent.status).toEqual({ code: 1 });
    expect(child.events.map((e) => e.name)).toEqual(['first token', 'exception']);
    expect(child.events[0]).toEqual({
      name: 'first token',
      timeUnixNano: nanos(sdk.child.events[0]!.time),
      attributes: { 'at.index': 3, 'at.ratio': 0.5 },
    });
    expect(child.events[1]!.timeUnixNano).toBe(nanos(sdk.child.events[1]!.time));
    expect(child.events[1]!.attributes).toMatchObject({ 'exception.type': 'TypeError', 'exception.message': 'bad thing' });
    expect(child.links).toEqual([{ traceId: parent.traceId, spanId: parent.spanId, attributes: { why: 'linked' } }]);
    expect(parent.links).toEqual([]);
    expect(child.resource).toMatchObject({ 'service.name': 'rt', 'openinference.project.name': 'proj' });
    expect(child.scope).toEqual({ name: 'round-trip', version: '1.2.3' });
  });
});

describe('decodeTraceRequest: values the SDK does not produce', () => {
  it('decodes kvlist, bytes, nested arrays and full-range times', () => {
    const [span] = decodeTraceRequest(
      encode({
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: TRACE_ID,
                    spanId: SPAN_ID,
                    name: 'manual',
                    startTimeUnixNano: '18446744073709551615',
                    attributes: [
                      { key: 'kv', value: { kvlistValue: { values: [{ key: 'a', value: { intValue: 1 } }] } } },
                      { key: 'raw', value: { bytesValue: Buffer.from([1, 2, 255]) } },
                      { key: 'nested', value: { arrayValue: { values: [{ arrayValue: { values: [{ boolValue: true }] } }] } } },
                      { key: 'min', value: { intValue: String(Number.MIN_SAFE_INTEGER) } },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    expect(span!.attributes).toEqual({ kv: { a: 1 }, raw: 'AQL/', nested: [[true]], min: Number.MIN_SAFE_INTEGER });
    expect(span!.attributeTypes).toEqual({ kv: 'kvlist', raw: 'bytes', nested: 'array', min: 'int' });
    expect(span!.startTimeUnixNano).toBe(2n ** 64n - 1n);
    expect(span!.scope).toEqual({ name: '' });
    expect(span!.status).toEqual({ code: 0 });
  });

  it('refuses ints a JS number cannot hold exactly', () => {
    const bytes = encode(withAttributes([{ key: 'huge', value: { intValue: String(2n ** 60n) } }]));
    expect(() => decodeTraceRequest(bytes)).toThrow(/huge|safe integer/);
  });

  it('refuses malformed ids and bytes that are not an export request', () => {
    expect(() => decodeTraceRequest(encode(withAttributes([], { traceId: Buffer.from([1, 2]), spanId: SPAN_ID })))).toThrow(
      /trace_id must be 16 bytes/,
    );
    expect(() => decodeTraceRequest(new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow();
    expect(() => decodeTraceRequest(new Uint8Array([0xff, 0xff, 0xff]))).toThrow();
  });

  it('keeps the dropped-attributes count the sender reports (0 when none were dropped)', () => {
    const spans = decodeTraceRequest(encode({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: TRACE_ID, spanId: SPAN_ID, name: 'full', droppedAttributesCount: 20 }] }] }],
    }));
    expect(spans[0]!.droppedAttributesCount).toBe(20);
    expect(decodeTraceRequest(serialize(richSpans().all))[0]!.droppedAttributesCount).toBe(0);
  });

  it('decodes an empty request to no spans', () => {
    expect(decodeTraceRequest(new Uint8Array())).toEqual([]);
  });
});
