/**
 * Every attribute key this app writes, as named constants. Source code uses only these names;
 * tests write the literal dotted keys, so renaming a key here fails a test.
 */
import {
  LLMProvider,
  LLMSystem,
  MimeType,
  OpenInferenceSpanKind,
  SemanticConventions as SC,
} from '@arizeai/openinference-semantic-conventions';
import { SEMRESATTRS_PROJECT_NAME } from '@arizeai/openinference-semantic-conventions';

export { LLMProvider, LLMSystem, MimeType, OpenInferenceSpanKind };

export const ATTR = {
  SPAN_KIND: SC.OPENINFERENCE_SPAN_KIND,
  INPUT_VALUE: SC.INPUT_VALUE,
  INPUT_MIME_TYPE: SC.INPUT_MIME_TYPE,
  OUTPUT_VALUE: SC.OUTPUT_VALUE,
  OUTPUT_MIME_TYPE: SC.OUTPUT_MIME_TYPE,
  SESSION_ID: SC.SESSION_ID,
  USER_ID: SC.USER_ID,
  METADATA: SC.METADATA,
  TAG_TAGS: SC.TAG_TAGS,
  LLM_MODEL_NAME: SC.LLM_MODEL_NAME,
  LLM_PROVIDER: SC.LLM_PROVIDER,
  /** The model the provider says answered (e.g. `gpt-4o-mini-2024-07-18` for `gpt-4o-mini`). */
  LLM_RESPONSE_MODEL_NAME: SC.LLM_RESPONSE_MODEL_NAME,
  LLM_SYSTEM: SC.LLM_SYSTEM,
  LLM_INVOCATION_PARAMETERS: SC.LLM_INVOCATION_PARAMETERS,
  LLM_INPUT_MESSAGES: SC.LLM_INPUT_MESSAGES,
  LLM_OUTPUT_MESSAGES: SC.LLM_OUTPUT_MESSAGES,
  LLM_FINISH_REASON: SC.LLM_FINISH_REASON,
  LLM_TOKEN_COUNT_PROMPT: SC.LLM_TOKEN_COUNT_PROMPT,
  LLM_TOKEN_COUNT_COMPLETION: SC.LLM_TOKEN_COUNT_COMPLETION,
  LLM_TOKEN_COUNT_TOTAL: SC.LLM_TOKEN_COUNT_TOTAL,
  LLM_TOKEN_COUNT_PROMPT_CACHE_READ: SC.LLM_TOKEN_COUNT_PROMPT_DETAILS_CACHE_READ,
  LLM_TOKEN_COUNT_PROMPT_CACHE_WRITE: SC.LLM_TOKEN_COUNT_PROMPT_DETAILS_CACHE_WRITE,
  LLM_TOKEN_COUNT_COMPLETION_REASONING: SC.LLM_TOKEN_COUNT_COMPLETION_DETAILS_REASONING,
  LLM_TOKEN_COUNT_PROMPT_AUDIO: SC.LLM_TOKEN_COUNT_PROMPT_DETAILS_AUDIO,
  LLM_TOKEN_COUNT_COMPLETION_AUDIO: SC.LLM_TOKEN_COUNT_COMPLETION_DETAILS_AUDIO,
  LLM_TOOLS: SC.LLM_TOOLS,
  LLM_PROMPT_TEMPLATE: SC.PROMPT_TEMPLATE_TEMPLATE,
  LLM_PROMPT_TEMPLATE_VARIABLES: SC.PROMPT_TEMPLATE_VARIABLES,
  LLM_PROMPT_TEMPLATE_VERSION: SC.PROMPT_TEMPLATE_VERSION,
  TOOL_JSON_SCHEMA: SC.TOOL_JSON_SCHEMA,
  TOOL_NAME: SC.TOOL_NAME,
  TOOL_DESCRIPTION: SC.TOOL_DESCRIPTION,
  TOOL_PARAMETERS: SC.TOOL_PARAMETERS,
  TOOL_ID: SC.TOOL_ID,
  AGENT_NAME: SC.AGENT_NAME,
  MESSAGE_CONTENTS: SC.MESSAGE_CONTENTS,
  MESSAGE_CONTENT_TYPE: SC.MESSAGE_CONTENT_TYPE,
  MESSAGE_CONTENT_TEXT: SC.MESSAGE_CONTENT_TEXT,
  MESSAGE_CONTENT_IMAGE: SC.MESSAGE_CONTENT_IMAGE,
  IMAGE_URL: SC.IMAGE_URL,
  MESSAGE_ROLE: SC.MESSAGE_ROLE,
  MESSAGE_CONTENT: SC.MESSAGE_CONTENT,
  MESSAGE_TOOL_CALLS: SC.MESSAGE_TOOL_CALLS,
  MESSAGE_TOOL_CALL_ID: SC.MESSAGE_TOOL_CALL_ID,
  TOOL_CALL_ID: SC.TOOL_CALL_ID,
  TOOL_CALL_FUNCTION_NAME: SC.TOOL_CALL_FUNCTION_NAME,
  TOOL_CALL_FUNCTION_ARGUMENTS_JSON: SC.TOOL_CALL_FUNCTION_ARGUMENTS_JSON,
  /**
   * The model call's endpoint (OpenTelemetry's `url.full`), what Phoenix's Playground replays against.
   * Not in the OpenInference package; the key is OpenTelemetry's.
   */
  URL_FULL: 'url.full',
  /**
   * The endpoint's path below the provider's base URL (`chat/completions`), as Phoenix's own
   * Playground spans write it: Phoenix takes the base URL as `url.full` minus this path.
   */
  URL_PATH: 'url.path',
  /** How a streamed span ended: `completed`, `aborted`, `timeout` or `error` (this app's own key). */
  STREAM_OUTCOME: 'stream.outcome',
  /** Why a stream was aborted (client disconnect, Stop button, timeout). */
  STREAM_ABORT_REASON: 'stream.abort_reason',
  /** How many (older) input messages were left out of the flattened `llm.input_messages` (attribute budget). */
  LLM_INPUT_MESSAGES_OMITTED: 'llm.input_messages_omitted',
  /** Milliseconds from the model call's start to its first text delta (on the first-token event). */
  TIME_TO_FIRST_TOKEN_MS: 'llm.time_to_first_token_ms',
} as const;

/** Span event names this app records. */
export const EVENT = {
  STREAM_ABORTED: 'stream.aborted',
  /** At the first streamed text delta of an LLM span (the name OpenInference's instrumentors use). */
  FIRST_TOKEN: 'First Token Stream Event',
} as const;

export const RESOURCE_ATTR = {
  PROJECT_NAME: SEMRESATTRS_PROJECT_NAME,
} as const;

/** Prefixes of the flattened message lists (`llm.input_messages.0.message.role`). */
export const MESSAGE_LIST = {
  INPUT: SC.LLM_INPUT_MESSAGES,
  OUTPUT: SC.LLM_OUTPUT_MESSAGES,
} as const;
