import { chatBody as chatRequest, traceIdOf as traceIdOrUndefined } from '../../e2e/support/spawn-next';

/** A chat request body as the UI sends it (AI SDK UI messages), serialized. */
export function chatBody(id: string, text: string): string {
  return JSON.stringify(chatRequest(id, text));
}

/** The trace id of a response's W3C `traceresponse` header; throws when there is none. */
export function traceIdOf(traceresponse: string | null | undefined): string {
  const traceId = traceIdOrUndefined(traceresponse ?? undefined);
  if (!traceId) throw new Error(`no W3C traceresponse header (got ${JSON.stringify(traceresponse)})`);
  return traceId;
}

/** The app's settings in every harness: export to the receiver as a Phoenix user would, offline model. */
export function appEnv(receiverUrl: string, apiKey: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PHOENIX_COLLECTOR_ENDPOINT: receiverUrl,
    PHOENIX_API_KEY: apiKey,
    PHOENIX_PROJECT_NAME: 'traced-chat-serverless',
    OFFLINE_MODEL_DELAY_MS: '0',
    NEXT_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

/**
 * The response body as text; with `stopAfterBytes`, the client goes away (Stop) once it has read that
 * much: it aborts the fetch and cancels the reader, and gets what it read so far.
 */
export async function readBody(response: Response, abort: AbortController, stopAfterBytes?: number): Promise<string> {
  if (stopAfterBytes === undefined) return response.text();
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let body = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return body;
    body += decoder.decode(value, { stream: true });
    if (body.length >= stopAfterBytes) {
      abort.abort();
      await reader.cancel().catch(() => undefined);
      return body;
    }
  }
}
