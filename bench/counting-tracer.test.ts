import { describe, expect, it } from 'vitest';
import { createCountingTracerProvider } from './counting-tracer';

describe('counting tracer provider', () => {
  it('counts every write to a span and every export (so per-chunk work would show)', () => {
    const { provider, counts } = createCountingTracerProvider();
    const span = provider.getTracer('t').startSpan('s');
    for (let i = 0; i < 5; i++) span.setAttribute(`k${i}`, i);
    span.setAttributes({ a: 1, b: 2 }).addEvent('e');
    span.end();
    expect(counts).toEqual({ spans: 1, writes: 7, attributeKeys: 7, exportCalls: 1 });
  });
});
