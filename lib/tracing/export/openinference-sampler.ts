/**
 * Decides, when a span starts, whether it is recorded at all. Only spans that carry an OpenInference
 * kind in their start attributes (ours: `startSpan` in span-lifecycle.ts puts
 * `openinference.span.kind` there) are recorded and exported; Next's framework spans and fetch spans
 * become non-recording spans from the start — no attributes stored, no processor called, nothing
 * queued — instead of being recorded and then thrown away. They keep valid ids, so the turn span's
 * link to the HTTP request span still points at it. `TRACE_ALL_SPANS=1` records everything.
 *
 * Which of our spans are sampled is still up to `OTEL_TRACES_SAMPLER` (`OTEL_TRACES_SAMPLER_ARG`),
 * as with `@vercel/otel`'s own default (parent-based, always on).
 */
import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SamplingResult,
} from '@opentelemetry/sdk-trace-base';
import type { TracingConfig } from '@/lib/config/config-types';
import { ATTR } from '../vocabulary/semconv';

const NOT_RECORDED: SamplingResult = Object.freeze({ decision: SamplingDecision.NOT_RECORD });

export class OpenInferenceSampler implements Sampler {
  private readonly inner: Sampler;

  constructor(inner: Sampler = samplerOf({ name: 'parentbased_always_on', ratio: 1 })) {
    this.inner = inner;
  }

  shouldSample(context: Context, traceId: string, name: string, kind: SpanKind, attributes: Attributes, links: Link[]): SamplingResult {
    if (typeof attributes[ATTR.SPAN_KIND] !== 'string') return NOT_RECORDED;
    return this.inner.shouldSample(context, traceId, name, kind, attributes, links);
  }

  toString(): string {
    return `OpenInferenceSampler{${this.inner.toString()}}`;
  }
}

/** The sampler `OTEL_TRACES_SAMPLER` names (the spec's values; `OTEL_TRACES_SAMPLER_ARG` the ratio); parent-based always-on by default. */
export function samplerOf({ name, ratio }: TracingConfig['sampler']): Sampler {
  switch (name) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
    default:
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}
