/**
 * Feedback on an answer, recorded in Phoenix as a span annotation on the root span of that answer's
 * turn: `POST <phoenix>/v1/span_annotations`, name `user_feedback`, annotator kind HUMAN, with a
 * label, a score and an optional comment. Needs `PHOENIX_COLLECTOR_ENDPOINT`; the API key stays on
 * the server.
 */
import type { PhoenixConfig } from '@/lib/config/config-types';
import { phoenixBaseUrl, phoenixHeaders } from '@/lib/tracing/export/export-target';

export const FEEDBACK_ANNOTATION_NAME = 'user_feedback';

export interface AnnotationTarget {
  url: string;
  headers: Record<string, string>;
}

export function annotationTarget(phoenix: PhoenixConfig): AnnotationTarget | undefined {
  const base = phoenixBaseUrl(phoenix);
  if (!base) return undefined;
  return { url: `${base}/v1/span_annotations?sync=true`, headers: { ...phoenixHeaders(phoenix), 'content-type': 'application/json' } };
}

export interface Feedback {
  spanId: string;
  rating: 'up' | 'down';
  comment?: string;
  /** The turn's trace, kept in the annotation's metadata. */
  traceId: string;
}

/** The request body Phoenix's REST API takes. Pure. */
export function feedbackAnnotation(feedback: Feedback) {
  const up = feedback.rating === 'up';
  return {
    data: [
      {
        span_id: feedback.spanId,
        name: FEEDBACK_ANNOTATION_NAME,
        annotator_kind: 'HUMAN',
        result: {
          label: up ? 'thumbs-up' : 'thumbs-down',
          score: up ? 1 : 0,
          ...(feedback.comment ? { explanation: feedback.comment } : {}),
        },
        metadata: { trace_id: feedback.traceId, source: 'traced-chat' },
      },
    ],
  };
}
