import type { Context } from '@opentelemetry/api';
import { streamText } from 'ai';
import { beforeEach, describe, expect, it } from 'vitest';
import { createOfflineModel } from '@/lib/ai/offline-model';
import { SYSTEM_PROMPT, SYSTEM_PROMPT_TEMPLATE } from '@/lib/ai/system-prompt';
import { getPromptTemplateAttributes, getPromptTemplateAttributesFor } from '../vocabulary/prompt-template-attributes';
import { OpenInferenceSpanKind } from '../vocabulary/semconv';
import { startSpan } from './span-lifecycle';
import { useInMemoryTracing } from '../testing/in-memory-tracing';
import { traceLanguageModel } from './traced-model';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

const template = { template: 'Be {{tone}}.', variables: { tone: 'brief' }, version: 'v7' };

describe('prompt template attributes', () => {
  it('writes template, variables as a JSON object and version', () => {
    expect(getPromptTemplateAttributes(template)).toEqual({
      'llm.prompt_template.template': 'Be {{tone}}.',
      'llm.prompt_template.variables': '{"tone":"brief"}',
      'llm.prompt_template.version': 'v7',
    });
  });

  it('only for a call whose system message is the rendered template', () => {
    expect(getPromptTemplateAttributesFor([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }], [template])).toMatchObject({
      'llm.prompt_template.version': 'v7',
    });
    expect(getPromptTemplateAttributesFor([{ role: 'system', content: 'Be rude.' }], [template])).toEqual({});
    expect(getPromptTemplateAttributesFor([{ role: 'user', content: 'Be brief.' }], [template])).toEqual({});
  });

  it('every LLM span of a chat turn with the chat system prompt carries the template', async () => {
    const parent = startSpan({ name: 'turn', kind: OpenInferenceSpanKind.CHAIN });
    const model = traceLanguageModel(createOfflineModel({ delayMs: 0 }), { provider: 'offline', system: 'offline' }, parent.context as Context, {
      promptTemplates: [SYSTEM_PROMPT_TEMPLATE],
    });
    const result = streamText({ model, instructions: SYSTEM_PROMPT, prompt: 'hello' });
    await result.consumeStream();
    parent.end({ type: 'ok' });
    const [llm] = tracing.spans().filter((span) => span.attributes['openinference.span.kind'] === 'LLM');
    expect(llm?.attributes).toMatchObject({
      'llm.input_messages.0.message.role': 'system',
      'llm.input_messages.0.message.content': SYSTEM_PROMPT,
      'llm.prompt_template.template': SYSTEM_PROMPT_TEMPLATE.template,
      'llm.prompt_template.variables': JSON.stringify(SYSTEM_PROMPT_TEMPLATE.variables),
      'llm.prompt_template.version': SYSTEM_PROMPT_TEMPLATE.version,
    });
  });
});
