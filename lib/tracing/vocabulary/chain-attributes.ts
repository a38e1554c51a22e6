import { getInputAttributes, getOutputAttributes } from '@arizeai/openinference-core';
import type { Attributes } from '@opentelemetry/api';
import { ATTR } from './semconv';

export interface ChainStart {
  input: string;
  sessionId: string;
}

/**
 * Attributes of a chat turn known when it starts: its text input (openinference-core's
 * `getInputAttributes`) and `session.id` (ours: openinference-core has no builder for it, only the
 * context setter `setSession`).
 */
export function getChainStartAttributes(start: ChainStart): Attributes {
  return { ...getInputAttributes(start.input), [ATTR.SESSION_ID]: start.sessionId };
}

/** Attributes of a chat turn known when its stream closes; none when it produced no text (e.g. Stop before the first token). */
export function getChainEndAttributes(output: string): Attributes {
  return output === '' ? {} : getOutputAttributes(output);
}
