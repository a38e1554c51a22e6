import type { Attributes } from '@opentelemetry/api';
import { ATTR, MimeType } from './semconv';

export interface ChainStart {
  input: string;
  sessionId: string;
}

/** Attributes of a chat turn known when it starts. */
export function getChainStartAttributes(start: ChainStart): Attributes {
  return {
    [ATTR.INPUT_VALUE]: start.input,
    [ATTR.INPUT_MIME_TYPE]: MimeType.TEXT,
    [ATTR.SESSION_ID]: start.sessionId,
  };
}

/** Attributes of a chat turn known when its stream closes; none when it produced no text (e.g. Stop before the first token). */
export function getChainEndAttributes(output: string): Attributes {
  if (output === '') return {};
  return {
    [ATTR.OUTPUT_VALUE]: output,
    [ATTR.OUTPUT_MIME_TYPE]: MimeType.TEXT,
  };
}
