/** How a span ended — finished, failed, aborted (Stop, client gone) or timed out — and how that is recorded. */
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { redactedError } from '../../secrets/redact-secrets';
import { ATTR, EVENT } from '../vocabulary/semconv';

export type SpanOutcome =
  | { type: 'ok' }
  | { type: 'error'; error: unknown }
  | { type: 'aborted'; reason: string }
  | { type: 'timeout'; reason: string };

/** Records `outcome` on `span`; its events at `time` (epoch ms), the span's end. */
export function applyOutcome(span: Span, outcome: SpanOutcome, time: number): void {
  switch (outcome.type) {
    case 'ok':
      span.setAttribute(ATTR.STREAM_OUTCOME, 'completed');
      span.setStatus({ code: SpanStatusCode.OK });
      return;
    case 'error': {
      const error = redactedError(toError(outcome.error));
      span.setAttribute(ATTR.STREAM_OUTCOME, 'error');
      span.recordException(error, time);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      return;
    }
    case 'aborted':
      span.setAttributes({ [ATTR.STREAM_OUTCOME]: 'aborted', [ATTR.STREAM_ABORT_REASON]: outcome.reason });
      span.addEvent(EVENT.STREAM_ABORTED, { [ATTR.STREAM_ABORT_REASON]: outcome.reason }, time);
      return;
    case 'timeout':
      span.setAttributes({ [ATTR.STREAM_OUTCOME]: 'timeout', [ATTR.STREAM_ABORT_REASON]: outcome.reason });
      span.addEvent(EVENT.STREAM_ABORTED, { [ATTR.STREAM_ABORT_REASON]: outcome.reason }, time);
      span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.reason });
      return;
  }
}

export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'string') return new Error(value);
  try {
    return new Error(JSON.stringify(value));
  } catch {
    return new Error(String(value));
  }
}

/** Maps an aborted signal to the outcome it stands for: a timeout, or an abort (client gone, Stop). */
export function outcomeOfAbort(signal: AbortSignal): SpanOutcome {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return { type: 'timeout', reason: reason.message || 'timed out' };
  }
  if (reason instanceof Error) return { type: 'aborted', reason: reason.message || reason.name };
  return { type: 'aborted', reason: reason === undefined ? 'aborted' : String(reason) };
}

/** A failed call: aborted (Stop, deadline) when its signal fired, an error otherwise. */
export function abortedOrError(signal: AbortSignal | undefined, error: unknown): SpanOutcome {
  return signal?.aborted ? outcomeOfAbort(signal) : { type: 'error', error };
}

