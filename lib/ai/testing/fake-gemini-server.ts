/**
 * Test-only: a local Gemini API (`POST /v1beta/models/{model}:streamGenerateContent?alt=sse`) that
 * streams `GenerateContentResponse` chunks as server-sent events, as Google documents them
 * (https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent): thought parts
 * (`thought: true`) before the text parts, `modelVersion` and `responseId` on every chunk, and
 * `usageMetadata` (with `cachedContentTokenCount`, `thoughtsTokenCount`) on the last one with the
 * `finishReason`; with `toolCall`, a `functionCall` part until the request carries its
 * `functionResponse`. It can fail with an HTTP error (Google's error body), send an error chunk
 * mid-stream, or stall.
 */
import { sseFrame, startFakeSseServer, wordsReply, type FakeSseServer, type FakeStreamOptions } from './fake-sse-server';

export interface GeminiUsageMetadata {
  promptTokenCount: number;
  candidatesTokenCount?: number;
  totalTokenCount?: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
}

/** `failWithStatus` answers with Google's error body (`{error:{code,message,status}}`); `errorAfterWords` sends an error chunk. */
export interface FakeGeminiOptions extends FakeStreamOptions {
  /** `modelVersion` of every chunk (default: the model in the path). */
  modelVersion?: string;
  thoughts?: string[];
  usageMetadata?: GeminiUsageMetadata;
  finishReason?: string;
  /** Answer a request without a `functionResponse` with this function call. */
  toolCall?: { name: string; args: Record<string, unknown> };
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const STREAM_PATH = /^\/v1beta\/models\/([^/:?]+):streamGenerateContent\?alt=sse$/;

export function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeSseServer> {
  return startFakeSseServer('/v1beta', (request) => {
    const match = request.method === 'POST' ? STREAM_PATH.exec(request.url) : null;
    if (!match) return { type: 'json', status: 404, body: googleError(404, `Not found: ${request.url}`) };
    if (options.failWithStatus) {
      return { type: 'json', status: options.failWithStatus, body: googleError(options.failWithStatus, `fake gemini error ${options.failWithStatus}`) };
    }
    const modelVersion = options.modelVersion ?? match[1]!;
    const chunk = (payload: Record<string, unknown>) => sseFrame({ ...payload, modelVersion, responseId: 'fake-response-1' });
    const candidate = (parts: unknown[], finishReason?: string) => ({
      candidates: [{ content: { parts, role: 'model' }, index: 0, ...(finishReason ? { finishReason } : {}) }],
    });
    const words = options.words ?? ['Hello', ' from', ' the', ' fake', ' Gemini.'];
    const usage = options.usageMetadata ?? { promptTokenCount: 12, candidatesTokenCount: words.length, totalTokenCount: 12 + words.length };
    const frames = (options.thoughts ?? []).map((thought) => chunk(candidate([{ text: thought, thought: true }])));
    if (options.toolCall && !hasFunctionResponse(request.body)) {
      frames.push(chunk({ ...candidate([{ functionCall: { name: options.toolCall.name, args: options.toolCall.args } }], 'STOP'), usageMetadata: usage }));
      return { type: 'sse', frames, delayMs: options.delayMs };
    }
    const last = words.length - 1;
    return wordsReply(options, {
      before: frames,
      words: words.map((word, i) =>
        chunk({
          ...candidate([{ text: word }], i === last ? (options.finishReason ?? 'STOP') : undefined),
          usageMetadata: i === last ? usage : { promptTokenCount: usage.promptTokenCount, totalTokenCount: usage.promptTokenCount },
        }),
      ),
      error: sseFrame(googleError(503, 'The model is overloaded. Please try again later.')),
      after: [],
    });
  });
}

function hasFunctionResponse(body: Record<string, unknown>): boolean {
  const contents = Array.isArray(body.contents) ? (body.contents as { parts?: { functionResponse?: unknown }[] }[]) : [];
  return contents.some((c) => c.parts?.some((part) => part.functionResponse !== undefined));
}

function googleError(code: number, message: string) {
  return { error: { code, message, status: STATUS_NAMES[code] ?? 'UNKNOWN' } };
}
