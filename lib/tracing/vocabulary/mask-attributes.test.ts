import { describe, expect, it } from 'vitest';
import { maskAttributes } from './mask-attributes';
import { traceConfigFromEnv } from './trace-config';

const IMAGE = 'data:image/png;base64,' + 'A'.repeat(100);
const llmSpan = {
  'openinference.span.kind': 'LLM',
  'input.value': '{"messages":[]}',
  'input.mime_type': 'application/json',
  'output.value': 'the answer',
  'output.mime_type': 'text/plain',
  'llm.input_messages.0.message.role': 'user',
  'llm.input_messages.0.message.content': 'the question',
  'llm.input_messages.1.message.contents.0.message_content.type': 'text',
  'llm.input_messages.1.message.contents.0.message_content.text': 'look at this',
  'llm.input_messages.1.message.contents.1.message_content.type': 'image',
  'llm.input_messages.1.message.contents.1.message_content.image.image.url': IMAGE,
  'llm.output_messages.0.message.role': 'assistant',
  'llm.output_messages.0.message.content': 'the answer',
  'llm.invocation_parameters': '{"temperature":0}',
  'llm.tools.0.tool.json_schema': '{}',
  'llm.token_count.prompt': 3,
};
const mask = (env: Record<string, string>) => maskAttributes(llmSpan, traceConfigFromEnv(env));

describe('maskAttributes (OpenInference masking env vars)', () => {
  it('returns the attributes untouched when nothing is hidden', () => {
    expect(mask({})).toBe(llmSpan);
  });

  it('HIDE_INPUTS redacts input.value, drops its mime type, input messages and tool definitions', () => {
    const masked = mask({ OPENINFERENCE_HIDE_INPUTS: 'true' });
    expect(masked['input.value']).toBe('__REDACTED__');
    expect(masked).not.toHaveProperty('input.mime_type');
    expect(Object.keys(masked).filter((k) => k.startsWith('llm.input_messages.') || k.startsWith('llm.tools.'))).toEqual([]);
    expect(masked['output.value']).toBe('the answer');
  });

  it('HIDE_OUTPUTS redacts output.value and drops output messages', () => {
    const masked = mask({ OPENINFERENCE_HIDE_OUTPUTS: '1' });
    expect(masked['output.value']).toBe('__REDACTED__');
    expect(masked).not.toHaveProperty('output.mime_type');
    expect(Object.keys(masked).some((k) => k.startsWith('llm.output_messages.'))).toBe(false);
    expect(masked['input.value']).toBe(llmSpan['input.value']);
  });

  it('HIDE_INPUT_MESSAGES / HIDE_OUTPUT_MESSAGES drop the messages and redact the value carrying the same text', () => {
    const input = mask({ OPENINFERENCE_HIDE_INPUT_MESSAGES: 'true' });
    expect(Object.keys(input).some((k) => k.startsWith('llm.input_messages.'))).toBe(false);
    expect(input['input.value']).toBe('__REDACTED__');
    const output = mask({ OPENINFERENCE_HIDE_OUTPUT_MESSAGES: 'true' });
    expect(Object.keys(output).some((k) => k.startsWith('llm.output_messages.'))).toBe(false);
    expect(output['output.value']).toBe('__REDACTED__');
  });

  it('HIDE_INPUT_TEXT / HIDE_OUTPUT_TEXT redact message text but keep roles and images', () => {
    const input = mask({ OPENINFERENCE_HIDE_INPUT_TEXT: 'true' });
    expect(input['llm.input_messages.0.message.content']).toBe('__REDACTED__');
    expect(input['llm.input_messages.1.message.contents.0.message_content.text']).toBe('__REDACTED__');
    expect(input['llm.input_messages.0.message.role']).toBe('user');
    expect(input['llm.input_messages.1.message.contents.1.message_content.image.image.url']).toBe(IMAGE);
    const output = mask({ OPENINFERENCE_HIDE_OUTPUT_TEXT: 'true' });
    expect(output['llm.output_messages.0.message.content']).toBe('__REDACTED__');
    expect(output['output.value']).toBe('__REDACTED__');
  });

  it('HIDE_INPUT_IMAGES drops image contents; BASE64_IMAGE_MAX_LENGTH redacts longer data URLs', () => {
    const hidden = mask({ OPENINFERENCE_HIDE_INPUT_IMAGES: 'true' });
    expect(Object.keys(hidden).some((k) => k.includes('message_content.image'))).toBe(false);
    expect(hidden['llm.input_messages.1.message.contents.1.message_content.type']).toBe('image');
    const short = mask({ OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH: '50' });
    expect(short['llm.input_messages.1.message.contents.1.message_content.image.image.url']).toBe('__REDACTED__');
    const long = mask({ OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH: '500' });
    expect(long['llm.input_messages.1.message.contents.1.message_content.image.image.url']).toBe(IMAGE);
  });

  it('HIDE_LLM_INVOCATION_PARAMETERS drops llm.invocation_parameters only', () => {
    const masked = mask({ OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS: 'true' });
    expect(masked).not.toHaveProperty('llm.invocation_parameters');
    expect(masked['llm.token_count.prompt']).toBe(3);
  });
});
