import { datasetExampleFromSpans, datasetUploadBody, type DatasetExample } from '@/lib/feedback/dataset-example';
import { authorizeFeedback } from '@/lib/feedback/authorize-feedback';
import { fetchTraceSpans, phoenixDatasetTarget, PhoenixRequestError, uploadToDataset, type PhoenixDatasetTarget } from '@/lib/feedback/phoenix-dataset';
import { errorResponse, HttpError } from '@/lib/http/http-error';
import { readJsonBody } from '@/lib/http/read-json-body';
import { validate } from '@/lib/http/validate';
import { appConfig, type AppConfig } from '@/lib/config/app-config';
import { redactSecrets } from '@/lib/secrets/redact-secrets';
import { datasetRequestSchema } from './schema';

const MAX_BODY_BYTES = 8 * 1024;

export interface DatasetHandlerOptions {
  config?: AppConfig;
  /** How long to wait for the turn's spans to arrive in Phoenix (they are exported in batches). */
  waitMs?: number;
  pollMs?: number;
  /** The whole request's bound on Phoenix calls. */
  timeoutMs?: number;
}

/**
 * Adds a thumbs-down answer to a Phoenix dataset as a regression example. Only the browser that got
 * the answer may (its signed feedback token, bound to trace, span and the `tc_uid` cookie). The
 * example is built from the spans Phoenix stored for that turn, so a client cannot put words in the
 * dataset that the model never saw or said: it sends only ids, the token and its comment.
 * 503 `dataset_disabled` without Phoenix; 403 for a bad token; 409 `turn_not_in_phoenix` while the
 * turn's spans have not arrived; 502 when Phoenix refuses or cannot be reached (generic message;
 * Phoenix's own answer goes to the server log, redacted).
 */
export async function handleDatasetRequest(request: Request, options: DatasetHandlerOptions = {}): Promise<Response> {
  const config = options.config ?? appConfig();
  try {
    const body = validate(datasetRequestSchema, await readJsonBody(request, MAX_BODY_BYTES), 'dataset example');
    await authorizeFeedback(request, body, config);
    const target = phoenixDatasetTarget(config.phoenix);
    if (!target) throw new HttpError(503, 'dataset_disabled', 'Datasets need Phoenix: set PHOENIX_COLLECTOR_ENDPOINT.');
    const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const example = await exampleFromPhoenix(target, body, signal, options.waitMs ?? 15_000, options.pollMs ?? 500);
    const result = await uploadToDataset(target, datasetUploadBody(target.dataset, example), signal);
    return Response.json({
      ok: true,
      dataset: target.dataset,
      datasetId: result.datasetId,
      exampleId: example.exampleId,
      created: result.created > 0,
      updated: result.updated > 0,
    });
  } catch (error) {
    if (error instanceof PhoenixRequestError) {
      // Phoenix's own answer goes to the server log (redacted), never to the client.
      console.error(`[feedback] dataset: ${error.message}`, redactSecrets(error.detail, config));
      return errorResponse(new HttpError(502, error.code, `The answer could not be added: ${error.message}`));
    }
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      return errorResponse(new HttpError(504, 'phoenix_timeout', 'Phoenix did not answer in time; try again.'));
    }
    return errorResponse(error);
  }
}

async function exampleFromPhoenix(
  target: PhoenixDatasetTarget,
  feedback: { traceId: string; spanId: string; comment?: string },
  signal: AbortSignal,
  waitMs: number,
  pollMs: number,
): Promise<DatasetExample> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const result = datasetExampleFromSpans(await fetchTraceSpans(target, feedback.traceId, signal), feedback);
    if (result.ok) return result.example;
    if (Date.now() + pollMs > deadline) {
      throw new HttpError(
        409,
        'turn_not_in_phoenix',
        result.reason === 'turn_not_found'
          ? `This answer's turn is not in Phoenix project "${target.project}" yet; try again in a few seconds.`
          : "This answer's turn has no model call in Phoenix; nothing to add.",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
