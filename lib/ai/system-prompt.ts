/** The instructions every turn sends first (`llm.input_messages.0` on every LLM span). */
export const SYSTEM_PROMPT =
  'You are a concise, friendly assistant in a demo chat app whose every answer is traced with ' +
  'OpenInference spans over OpenTelemetry. Answer clearly in a few sentences.';
