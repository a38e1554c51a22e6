/** A chat request body as the UI sends it (AI SDK UI messages), and the trace id of a response. */
export function chatBody(id: string, text: string): string {
  return JSON.stringify({ id, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] });
}

export function traceIdOf(traceresponse: string | null | undefined): string {
  const traceId = /^00-([0-9a-f]{32})-/.exec(traceresponse ?? '')?.[1];
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
