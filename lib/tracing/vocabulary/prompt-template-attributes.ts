import type { Attributes } from '@opentelemetry/api';
import { renderPromptTemplate, type PromptTemplate } from '@/lib/tracing/vocabulary/prompt-template';
import type { OIMessage } from './message-attributes';
import { ATTR } from './semconv';

/**
 * `llm.prompt_template.template` / `.variables` (a JSON object) / `.version`. Pure. Ours: openinference-core
 * only sets these through context (`setPromptTemplate`, read by `OITracer`), and only for every span in
 * that context; here they go on the LLM span whose system message is the rendered template.
 */
export function getPromptTemplateAttributes(template: PromptTemplate): Attributes {
  return {
    [ATTR.LLM_PROMPT_TEMPLATE]: template.template,
    [ATTR.LLM_PROMPT_TEMPLATE_VARIABLES]: JSON.stringify(template.variables),
    [ATTR.LLM_PROMPT_TEMPLATE_VERSION]: template.version,
  };
}

/**
 * The template attributes for a model call whose system message is one of `templates` rendered; none
 * when the call was sent other instructions (a template it did not use would be a lie).
 */
export function getPromptTemplateAttributesFor(messages: readonly OIMessage[], templates: readonly PromptTemplate[]): Attributes {
  const system = messages.find((message) => message.role === 'system')?.content;
  if (system === undefined) return {};
  const used = templates.find((template) => renderPromptTemplate(template) === system);
  return used ? getPromptTemplateAttributes(used) : {};
}
