import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenInferenceSpanKind } from '../vocabulary/semconv';
import { resetTraceConfig } from '../vocabulary/trace-config';
import { startSpan } from './span-lifecycle';
import { useInMemoryTracing } from '../testing/in-memory-tracing';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());
afterEach(() => {
  vi.unstubAllEnvs();
  resetTraceConfig();
});

describe('span lifecycle masking', () => {
  it('masks the start attributes and the ones set when the span ends (OPENINFERENCE_HIDE_INPUTS / _OUTPUTS)', () => {
    vi.stubEnv('OPENINFERENCE_HIDE_INPUTS', 'true');
    vi.stubEnv('OPENINFERENCE_HIDE_OUTPUTS', 'true');
    resetTraceConfig();
    const span = startSpan({
      name: 'llm',
      kind: OpenInferenceSpanKind.LLM,
      attributes: { 'input.value': 'secret in', 'llm.input_messages.0.message.content': 'secret in', 'llm.model_name': 'm' },
    });
    span.end({ type: 'ok' }, { 'output.value': 'secret out', 'llm.output_messages.0.message.content': 'secret out', 'llm.token_count.prompt': 3 });
    const [exported] = tracing.spans();
    const { 'operation.name': _operation, ...attributes } = exported!.attributes; // @vercel/otel's own
    expect(attributes).toEqual({
      'openinference.span.kind': 'LLM',
      'input.value': '__REDACTED__',
      'llm.model_name': 'm',
      'output.value': '__REDACTED__',
      'llm.token_count.prompt': 3,
      'stream.outcome': 'completed',
    });
  });
});
