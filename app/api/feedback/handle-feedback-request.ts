import { annotationTarget, feedbackAnnotation } from '@/lib/feedback/phoenix-annotations';
import { errorResponse, HttpError } from '@/lib/http/http-error';
import { readJsonBody } from '@/lib/http/read-json-body';
import { validate } from '@/lib/http/validate';
import type { Env } from '@/lib/tracing/export-target';
import { feedbackRequestSchema } from './schema';

const MAX_BODY_BYTES = 8 * 1024;
const PHOENIX_TIMEOUT_MS = 10_000;

/**
 * Records thumbs feedback on one answer as a Phoenix span annotation on that answer's turn span.
 * 503 `feedback_disabled` when no Phoenix is configured (the UI says feedback is not recorded);
 * 502 when Phoenix refuses or cannot be reached. The API key never leaves the server.
 */
export async function handleFeedbackRequest(request: Request, env: Env = process.env): Promise<Response> {
  try {
    const feedback = validate(feedbackRequestSchema, await readJsonBody(request, MAX_BODY_BYTES), 'feedback');
    const target = annotationTarget(env);
    if (!target) {
      throw new HttpError(503, 'feedback_disabled', 'Feedback is not being recorded: no Phoenix is configured (set PHOENIX_COLLECTOR_ENDPOINT).');
    }
    let response: Response;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers: target.headers,
        body: JSON.stringify(feedbackAnnotation(feedback)),
        signal: AbortSignal.timeout(PHOENIX_TIMEOUT_MS),
      });
    } catch (error) {
      throw new HttpError(502, 'phoenix_unreachable', `Phoenix could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) {
      const reason = (await response.text().catch(() => '')).slice(0, 300);
      throw new HttpError(502, 'phoenix_rejected', `Phoenix refused the annotation (HTTP ${response.status})${reason ? `: ${reason}` : ''}`);
    }
    const body = (await response.json().catch(() => ({}))) as { data?: { id?: string }[] };
    return Response.json({ ok: true, annotationId: body.data?.[0]?.id ?? null });
  } catch (error) {
    return errorResponse(error);
  }
}
