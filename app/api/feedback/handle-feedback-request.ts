import { authorizeFeedback } from '@/lib/feedback/authorize-feedback';
import { annotationTarget, feedbackAnnotation } from '@/lib/feedback/phoenix-annotations';
import { errorResponse, HttpError } from '@/lib/http/http-error';
import { readJsonBody } from '@/lib/http/read-json-body';
import { validate } from '@/lib/http/validate';
import { appConfig, type AppConfig } from '@/lib/config/app-config';
import { redactSecrets } from '@/lib/secrets/redact-secrets';
import { feedbackRequestSchema } from './schema';

const MAX_BODY_BYTES = 8 * 1024;
const PHOENIX_TIMEOUT_MS = 10_000;

/**
 * Records thumbs feedback on one answer as a Phoenix span annotation on that answer's turn span.
 * Only from the browser that got the answer: its signed token must match (403 `feedback_forbidden`).
 * 503 `feedback_disabled` when no Phoenix is configured (the UI says feedback is not recorded);
 * 502 when Phoenix refuses or cannot be reached — with a generic message: Phoenix's own answer goes
 * to the server log (redacted), never to the client. The API key never leaves the server.
 */
export async function handleFeedbackRequest(request: Request, config: AppConfig = appConfig()): Promise<Response> {
  try {
    const feedback = validate(feedbackRequestSchema, await readJsonBody(request, MAX_BODY_BYTES), 'feedback');
    const target = annotationTarget(config.phoenix);
    if (!target) {
      throw new HttpError(503, 'feedback_disabled', 'Feedback is not being recorded: no Phoenix is configured (set PHOENIX_COLLECTOR_ENDPOINT).');
    }
    await authorizeFeedback(request, feedback, config);
    let response: Response;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers: target.headers,
        body: JSON.stringify(feedbackAnnotation(feedback)),
        signal: AbortSignal.timeout(PHOENIX_TIMEOUT_MS),
      });
    } catch (error) {
      console.error('[feedback] Phoenix could not be reached:', redactSecrets(error instanceof Error ? error.message : String(error), config));
      throw new HttpError(502, 'phoenix_unreachable', 'Feedback could not be recorded: Phoenix could not be reached. Try again later.');
    }
    if (!response.ok) {
      const reason = (await response.text().catch(() => '')).slice(0, 500);
      console.error(`[feedback] Phoenix refused the annotation (HTTP ${response.status}):`, redactSecrets(reason, config));
      throw new HttpError(502, 'phoenix_rejected', `Feedback could not be recorded: Phoenix refused it (HTTP ${response.status}).`);
    }
    const body = (await response.json().catch(() => ({}))) as { data?: { id?: string }[] };
    return Response.json({ ok: true, annotationId: body.data?.[0]?.id ?? null });
  } catch (error) {
    return errorResponse(error);
  }
}
