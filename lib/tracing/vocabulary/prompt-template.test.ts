import { describe, expect, it } from 'vitest';
import { renderPromptTemplate, templateVariableNames } from './prompt-template';
import { SYSTEM_PROMPT, SYSTEM_PROMPT_TEMPLATE } from '../../ai/system-prompt';

describe('prompt templates', () => {
  it('renders mustache placeholders, spaces allowed inside the braces', () => {
    expect(renderPromptTemplate({ template: 'Hi {{name}}, {{ name }} and {{other}}.', variables: { name: 'Ada', other: 'Bob' }, version: '1' })).toBe(
      'Hi Ada, Ada and Bob.',
    );
  });

  it('refuses a placeholder without a value', () => {
    expect(() => renderPromptTemplate({ template: '{{missing}}', variables: {}, version: '1' })).toThrow('"missing"');
  });

  it('the system prompt is its template rendered, with a value for every placeholder and nothing else', () => {
    expect(SYSTEM_PROMPT).toBe(renderPromptTemplate(SYSTEM_PROMPT_TEMPLATE));
    expect(SYSTEM_PROMPT).not.toContain('{{');
    expect(templateVariableNames(SYSTEM_PROMPT_TEMPLATE.template).sort()).toEqual(Object.keys(SYSTEM_PROMPT_TEMPLATE.variables).sort());
    expect(SYSTEM_PROMPT_TEMPLATE.version).not.toBe('');
  });
});
