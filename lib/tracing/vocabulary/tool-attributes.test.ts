import { describe, expect, it } from 'vitest';
import { getLLMToolsAttributes, getToolEndAttributes, getToolStartAttributes } from './tool-attributes';

describe('tool attributes', () => {
  it('a TOOL span start: name, description, parameters schema, tool.id and JSON input', () => {
    const tool = { name: 'getWeather', description: 'Weather now', parameters: { type: 'object' } };
    expect(getToolStartAttributes({ tool, toolCallId: 'call_1', input: { city: 'Paris' } })).toEqual({
      'tool.name': 'getWeather',
      'tool.description': 'Weather now',
      'tool.parameters': '{"type":"object"}',
      'tool.id': 'call_1',
      'input.value': '{"city":"Paris"}',
      'input.mime_type': 'application/json',
    });
  });

  it('leaves out an empty description, writes {} for no schema and a string argument as JSON', () => {
    const attributes = getToolStartAttributes({ tool: { name: 't', description: '', parameters: undefined }, toolCallId: 'c', input: 'Paris' });
    expect(attributes).not.toHaveProperty('tool.description');
    expect(attributes['tool.parameters']).toBe('{}');
    expect(attributes['input.value']).toBe('"Paris"');
  });

  it('a TOOL span end: a string as text, anything else as JSON, nothing as null, never throws', () => {
    expect(getToolEndAttributes('sunny')).toEqual({ 'output.value': 'sunny', 'output.mime_type': 'text/plain' });
    expect(getToolEndAttributes({ temp: 21 })).toEqual({ 'output.value': '{"temp":21}', 'output.mime_type': 'application/json' });
    expect(getToolEndAttributes(undefined)['output.value']).toBe('null');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(getToolEndAttributes(circular)['output.value']).toBe('{}');
  });

  it('offered tools in OpenAI function format', () => {
    expect(getLLMToolsAttributes([{ name: 'a', parameters: { type: 'object' } }, { name: 'b', description: 'B', parameters: {} }])).toEqual({
      'llm.tools.0.tool.json_schema': '{"type":"function","function":{"name":"a","parameters":{"type":"object"}}}',
      'llm.tools.1.tool.json_schema': '{"type":"function","function":{"name":"b","description":"B","parameters":{}}}',
    });
  });
});
