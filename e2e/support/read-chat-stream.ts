/** Posts one chat turn with fetch and reads its UI message stream to the end. */
export interface ChatResult {
  status: number;
  traceId?: string;
  /** Concatenated text deltas: what the user saw. */
  text: string;
  /** `errorText` of an `error` part, if any. */
  error?: string;
  ms: number;
}

export async function postChat(url: string, id: string, text: string, init: { signal?: AbortSignal } = {}): Promise<ChatResult> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text }] }] }),
    signal: init.signal,
  });
  const traceId = /^00-([0-9a-f]{32})-/.exec(response.headers.get('traceresponse') ?? '')?.[1];
  const { text: answer, error } = parseUiStream(await response.text());
  return { status: response.status, traceId, text: answer, error, ms: performance.now() - started };
}

export function parseUiStream(body: string): { text: string; error?: string } {
  let text = '';
  let error: string | undefined;
  for (const line of body.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    try {
      const part = JSON.parse(line.slice(6)) as { type?: string; delta?: string; errorText?: string };
      if (part.type === 'text-delta') text += part.delta ?? '';
      if (part.type === 'error') error = part.errorText;
    } catch {
      // not a JSON part
    }
  }
  return { text, error };
}
