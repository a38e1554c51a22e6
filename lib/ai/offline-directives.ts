import { composeLongOfflineAnswer, composeOfflineAnswer, composeOfflineReasoning } from './offline-answer';

/**
 * Commands the offline model understands at the start of a message, so users and tests can see the
 * trace of a failure or an aborted stream without changing any code.
 */
export const OFFLINE_DIRECTIVES = {
  /** The provider call fails before any stream (like an HTTP 500). */
  fail: '/fail',
  /** The stream fails after a few words, without a finish part (like a dropped connection). */
  failMid: '/fail-mid',
  /** A longer answer at ≥ 150 ms per word, to press Stop mid-stream. */
  slow: '/slow',
  /** Like `/slow`, but the provider answers only after `SLOW_START_DELAY_MS`: Stop before the first byte. */
  slowStart: '/slow-start',
  /** The model thinks first: streamed reasoning (like Anthropic thinking), then the answer. */
  think: '/think',
} as const;

export type OfflineDirective = 'fail' | 'failMid' | 'slow' | 'slowStart' | 'think';

/** How long `/slow-start` keeps the provider call waiting before its response (and first byte). */
export const SLOW_START_DELAY_MS = 3000;

export const SLOW_MIN_DELAY_MS = 150;
/** How many words `/fail-mid` streams before failing. */
export const FAIL_MID_AFTER_WORDS = 8;

export function parseDirective(text: string): { directive?: OfflineDirective; rest: string } {
  const trimmed = text.trimStart();
  // `/fail-mid` first: `/fail` is its prefix.
  for (const directive of ['failMid', 'fail', 'slowStart', 'slow', 'think'] as const) {
    const command = OFFLINE_DIRECTIVES[directive];
    if (trimmed === command || trimmed.startsWith(`${command} `) || trimmed.startsWith(`${command}\n`)) {
      return { directive, rest: trimmed.slice(command.length).trim() };
    }
  }
  return { rest: text };
}

/** The full answer the offline model streams for a user message (directives included). */
export function offlineAnswerFor(userText: string): string {
  const { directive, rest } = parseDirective(userText);
  return directive === 'slow' || directive === 'slowStart' ? composeLongOfflineAnswer(rest) : composeOfflineAnswer(rest);
}

/** The reasoning the offline model streams before its answer (`/think` only; otherwise empty). */
export function offlineReasoningFor(userText: string): string {
  const { directive, rest } = parseDirective(userText);
  return directive === 'think' ? composeOfflineReasoning(rest) : '';
}

/** Splits an answer into stream chunks: one per word with its leading whitespace, so they join back exactly. */
export function toWordChunks(text: string): string[] {
  const chunks: string[] = text.match(/\s*\S+/g) ?? [];
  const tail = text.slice(chunks.join('').length);
  if (tail !== '') chunks.push(tail);
  return chunks;
}
