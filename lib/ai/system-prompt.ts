import { renderPromptTemplate, type PromptTemplate } from '../tracing/vocabulary/prompt-template';

/**
 * The chat's system prompt, as a template: every LLM span carries it as `llm.prompt_template.*`, so
 * Phoenix shows which template and which version produced an answer, and its Playground can replay
 * the turn with other variables.
 */
export const SYSTEM_PROMPT_TEMPLATE: PromptTemplate = {
  template:
    'You are a concise, friendly assistant in {{app}} whose every answer is traced with ' +
    'OpenInference spans over OpenTelemetry. Answer clearly in {{answer_length}}.',
  variables: { app: 'a demo chat app', answer_length: 'a few sentences' },
  version: 'chat-system-v1',
};

/** The instructions every turn sends first (`llm.input_messages.0` on every LLM span). */
export const SYSTEM_PROMPT = renderPromptTemplate(SYSTEM_PROMPT_TEMPLATE);
