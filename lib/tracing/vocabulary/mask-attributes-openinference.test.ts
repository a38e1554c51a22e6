/**
 * Our masking against what an OpenInference JS instrumentation exports for the same settings: the
 * reference is openinference-core's `OITracer` over a real SDK tracer (what its instrumentations
 * use), read back from an `InMemorySpanExporter`. Only the documented extras may differ.
 */
import { OITracer } from '@arizeai/openinference-core';
import type { Attributes } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maskAttributes } from './mask-attributes';
import { toTraceConfig, traceConfigFromEnv, type TraceConfig } from './trace-config';

const IMAGE = 'data:image/png;base64,' + 'A'.repeat(100);
const SPAN: Attributes = {
  'openinference.span.kind': 'LLM',
  'input.value': '{"messages":[{"role":"user","content":"the question"}]}',
  'input.mime_type': 'application/json',
  'output.value': 'the answer',
  'output.mime_type': 'text/plain',
  'llm.model_name': 'gpt-4o-mini',
  'llm.input_messages.0.message.role': 'system',
  'llm.input_messages.0.message.content': 'be brief',
  'llm.input_messages.1.message.role': 'user',
  'llm.input_messages.1.message.contents.0.message_content.type': 'text',
  'llm.input_messages.1.message.contents.0.message_content.text': 'look at this',
  'llm.input_messages.1.message.contents.1.message_content.type': 'image',
  'llm.input_messages.1.message.contents.1.message_content.image.image.url': IMAGE,
  'llm.input_messages.2.message.role': 'assistant',
  'llm.input_messages.2.message.tool_calls.0.tool_call.id': 'call_1',
  'llm.input_messages.2.message.tool_calls.0.tool_call.function.name': 'getWeather',
  'llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments': '{"city":"Paris"}',
  'llm.input_messages_omitted': 4,
  'llm.output_messages.0.message.role': 'assistant',
  'llm.output_messages.0.message.contents.0.message_content.type': 'reasoning',
  'llm.output_messages.0.message.contents.0.message_content.text': 'thinking',
  'llm.output_messages.0.message.contents.1.message_content.type': 'text',
  'llm.output_messages.0.message.contents.1.message_content.text': 'the answer',
  'llm.invocation_parameters': '{"temperature":0}',
  'llm.tools.0.tool.json_schema': '{"type":"function"}',
  'llm.prompts': ['a prompt'],
  'embedding.embeddings.0.embedding.vector': [0.1, 0.2],
  'input.images.0.image.url': IMAGE,
  'llm.token_count.prompt': 3,
  'llm.token_count.completion': 2,
  'stream.outcome': 'completed',
};

const NONE = traceConfigFromEnv({});
const FLAGS = Object.keys(NONE).filter((flag) => flag !== 'base64ImageMaxLength') as (keyof TraceConfig)[];
/** Keys where this app is stricter than openinference-core, per flag (see mask-attributes.ts). */
const EXTRAS: Partial<Record<keyof TraceConfig, Attributes>> = {
  hideInputMessages: { 'input.value': '__REDACTED__' },
  hideInputText: { 'input.value': '__REDACTED__' },
  hideOutputMessages: { 'output.value': '__REDACTED__' },
  hideOutputText: { 'output.value': '__REDACTED__' },
};

/** What an OpenInference JS instrumentation (OITracer over the SDK) exports for `attributes`. */
function exportedByOpenInference(attributes: Attributes, config: TraceConfig): Attributes {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = new OITracer({ tracer: provider.getTracer('reference'), traceConfig: config });
  tracer.startSpan('llm', { attributes }).end();
  return { ...exporter.getFinishedSpans()[0]!.attributes };
}

afterEach(() => vi.unstubAllEnvs());

describe('masking matches openinference-core (OITracer) for each flag', () => {
  it.each(FLAGS)('%s', (flag) => {
    const config = toTraceConfig({ ...NONE, [flag]: true });
    const expected = { ...exportedByOpenInference(SPAN, config), ...EXTRAS[flag] };
    if (flag === 'hideLLMInvocationParameters') delete expected['llm.invocation_parameters'];
    expect(maskAttributes(SPAN, config)).toEqual(expected);
  });

  it('matches with no flag set, and for the base64 image cap', () => {
    expect(maskAttributes(SPAN, NONE)).toEqual(exportedByOpenInference(SPAN, NONE));
    const capped = toTraceConfig({ ...NONE, base64ImageMaxLength: 50 });
    expect(maskAttributes(SPAN, capped)).toEqual(exportedByOpenInference(SPAN, capped));
  });
});

describe('masking, literal results', () => {
  it('HIDE_PROMPTS redacts llm.prompts; HIDE_EMBEDDING_VECTORS removes vectors (openinference-core rules)', () => {
    expect(maskAttributes(SPAN, traceConfigFromEnv({ OPENINFERENCE_HIDE_PROMPTS: 'true' }))['llm.prompts']).toBe('__REDACTED__');
    expect(maskAttributes(SPAN, traceConfigFromEnv({ OPENINFERENCE_HIDE_EMBEDDING_VECTORS: 'true' }))).not.toHaveProperty(
      'embedding.embeddings.0.embedding.vector',
    );
  });

  it('HIDE_INPUTS also removes span-level input images, the omitted-messages count and tool definitions', () => {
    const masked = maskAttributes(SPAN, traceConfigFromEnv({ OPENINFERENCE_HIDE_INPUTS: 'true' }));
    expect(masked).not.toHaveProperty('input.images.0.image.url');
    expect(masked).not.toHaveProperty('llm.input_messages_omitted');
    expect(masked).not.toHaveProperty('llm.tools.0.tool.json_schema');
    expect(masked['llm.token_count.prompt']).toBe(3);
    expect(masked['stream.outcome']).toBe('completed');
  });

  it('HIDE_OUTPUT_TEXT redacts reasoning and answer text, keeps the block types', () => {
    const masked = maskAttributes(SPAN, traceConfigFromEnv({ OPENINFERENCE_HIDE_OUTPUT_TEXT: 'true' }));
    expect(masked['llm.output_messages.0.message.contents.0.message_content.text']).toBe('__REDACTED__');
    expect(masked['llm.output_messages.0.message.contents.1.message_content.text']).toBe('__REDACTED__');
    expect(masked['llm.output_messages.0.message.contents.0.message_content.type']).toBe('reasoning');
    expect(masked['output.value']).toBe('__REDACTED__');
  });

  it('the base64 cap redacts input message and span images, and returns the same object when none is longer', () => {
    const capped = maskAttributes(SPAN, traceConfigFromEnv({ OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH: '50' }));
    expect(capped['llm.input_messages.1.message.contents.1.message_content.image.image.url']).toBe('__REDACTED__');
    expect(capped['input.images.0.image.url']).toBe('__REDACTED__');
    expect(capped['llm.input_messages.1.message.contents.0.message_content.text']).toBe('look at this');
    expect(maskAttributes(SPAN, traceConfigFromEnv({ OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH: '500' }))).toBe(SPAN);
  });

  it('a long non-image value does not trigger the image cap', () => {
    const long = { 'input.value': 'x'.repeat(40_000), 'output.value': 'data:text/plain;base64,' + 'A'.repeat(40_000) };
    expect(maskAttributes(long, NONE)).toBe(long);
  });
});

describe('trace config', () => {
  it('is openinference-core defaults when nothing is set, and never reads the real environment itself', () => {
    vi.stubEnv('OPENINFERENCE_HIDE_INPUTS', 'true');
    vi.stubEnv('OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH', '7');
    expect(traceConfigFromEnv({})).toEqual({
      hideInputs: false,
      hideOutputs: false,
      hideInputMessages: false,
      hideOutputMessages: false,
      hideInputImages: false,
      hideInputText: false,
      hideOutputText: false,
      hideEmbeddingVectors: false,
      hidePrompts: false,
      hideLLMTools: false,
      hideLLMInvocationParameters: false,
      base64ImageMaxLength: 32000,
    });
  });

  it("reads the flags with the configuration module's boolean rule; anything else is off", () => {
    expect(traceConfigFromEnv({ OPENINFERENCE_HIDE_OUTPUTS: 'TRUE' }).hideOutputs).toBe(true);
    expect(traceConfigFromEnv({ OPENINFERENCE_HIDE_OUTPUTS: '1' }).hideOutputs).toBe(true);
    expect(traceConfigFromEnv({ OPENINFERENCE_HIDE_OUTPUTS: 'yes' }).hideOutputs).toBe(true);
    expect(traceConfigFromEnv({ OPENINFERENCE_HIDE_OUTPUTS: 'maybe' }).hideOutputs).toBe(false);
    expect(traceConfigFromEnv({ OPENINFERENCE_HIDE_PROMPTS: 'on' }).hidePrompts).toBe(true);
    expect(traceConfigFromEnv({ OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH: '-1' }).base64ImageMaxLength).toBe(32000);
  });
});
