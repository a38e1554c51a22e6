import type { Attributes } from '@opentelemetry/api';
import { ATTR } from './semconv';

/**
 * `llm.response.model_name`: the model the provider says answered (its stream's `response-metadata`),
 * e.g. a dated snapshot for an alias. `llm.model_name` stays the requested one. Nothing when not reported.
 * Ours: openinference-core's `getLLMAttributes({ responseModelName })` would also overwrite `llm.model_name`.
 */
export function getResponseModelAttributes(responseModelName: string | undefined): Attributes {
  return responseModelName ? { [ATTR.LLM_RESPONSE_MODEL_NAME]: responseModelName } : {};
}
