/**
 * A small client for a real Arize Phoenix's own APIs (REST `/v1/...` and GraphQL `/graphql`), so the
 * suite asks Phoenix what it stored instead of trusting our receiver. The Phoenix is the one at
 * `PHOENIX_TEST_URL` (with `PHOENIX_TEST_API_KEY` as Bearer key when it has auth on).
 */

export function phoenixUrl(): string | undefined {
  const url = process.env.PHOENIX_TEST_URL?.trim();
  return url ? url.replace(/\/+$/, '') : undefined;
}

export function phoenixApiKey(): string | undefined {
  return process.env.PHOENIX_TEST_API_KEY?.trim() || undefined;
}

function requireUrl(): string {
  const url = phoenixUrl();
  if (!url) throw new Error('PHOENIX_TEST_URL is not set: the real-Phoenix suite needs a running Phoenix');
  return url;
}

export class PhoenixHttpError extends Error {
  override name = 'PhoenixHttpError';
  constructor(readonly status: number, readonly body: string, what: string) {
    super(`Phoenix answered HTTP ${status} to ${what}: ${body.slice(0, 500)}`);
  }
}

/** Calls Phoenix's REST API (`path` like `/v1/projects/x/spans`) and returns the parsed JSON body; throws `PhoenixHttpError` on a non-2xx answer. */
export async function phoenixRest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const key = phoenixApiKey();
  const headers = new Headers(init.headers);
  if (key && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(`${requireUrl()}${path}`, { ...init, headers, signal: init.signal ?? AbortSignal.timeout(15_000) });
  const text = await response.text();
  if (!response.ok) throw new PhoenixHttpError(response.status, text, `${init.method ?? 'GET'} ${path}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Runs a GraphQL query against Phoenix; throws on HTTP errors and on GraphQL `errors`. */
export async function phoenixGraphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await phoenixRest<{ data?: T; errors?: { message: string }[] }>('/graphql', {
    method: 'POST',
    body: JSON.stringify({ query, variables }),
  });
  if (body.errors?.length) throw new Error(`Phoenix GraphQL errors: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

/** A span as Phoenix's REST API returns it (`GET /v1/projects/{project}/spans`). */
export interface PhoenixSpan {
  id: string;
  name: string;
  context: { trace_id: string; span_id: string };
  span_kind: string;
  parent_id: string | null;
  start_time: string;
  end_time: string;
  status_code: 'OK' | 'ERROR' | 'UNSET' | string;
  status_message: string;
  attributes: Record<string, unknown>;
  events: { name: string; timestamp: string; attributes: Record<string, unknown> }[];
}

export interface SpanQuery {
  traceId?: string;
  spanKind?: string;
  /** `"null"` for root spans only. */
  parentId?: string;
}

/** Every span of `project` matching `query` (follows Phoenix's pagination). An unknown project is `[]`. */
export async function phoenixSpans(project: string, query: SpanQuery = {}): Promise<PhoenixSpan[]> {
  const spans: PhoenixSpan[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ limit: '1000' });
    if (query.traceId) params.set('trace_id', query.traceId);
    if (query.spanKind) params.set('span_kind', query.spanKind);
    if (query.parentId) params.set('parent_id', query.parentId);
    if (cursor) params.set('cursor', cursor);
    let page: { data: PhoenixSpan[]; next_cursor: string | null };
    try {
      page = await phoenixRest(`/v1/projects/${encodeURIComponent(project)}/spans?${params}`);
    } catch (error) {
      if (error instanceof PhoenixHttpError && error.status === 404) return []; // no span stored yet: no project
      throw error;
    }
    spans.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return spans;
}

export type SpansPredicate = (spans: PhoenixSpan[]) => boolean;

/** The default wait: the trace has its root (a span without parent) and every span's parent is stored. */
export const hasCompleteTree: SpansPredicate = (spans) => {
  const ids = new Set(spans.map((s) => s.context.span_id));
  return spans.some((s) => s.parent_id === null) && spans.every((s) => s.parent_id === null || ids.has(s.parent_id));
};

/**
 * Polls Phoenix until the spans of `traceId` in `project` satisfy `predicate`, then reads once more
 * after a short pause (Phoenix inserts asynchronously; a late span must not be missed) and returns
 * that. Throws with what Phoenix had on timeout.
 */
export async function waitForPhoenixSpans(
  project: string,
  traceId: string,
  predicate: SpansPredicate = hasCompleteTree,
  timeoutMs = 20_000,
): Promise<PhoenixSpan[]> {
  const deadline = Date.now() + timeoutMs;
  let spans: PhoenixSpan[] = [];
  for (;;) {
    spans = await phoenixSpans(project, { traceId });
    if (predicate(spans)) {
      await pause(750);
      const settled = await phoenixSpans(project, { traceId });
      if (predicate(settled)) return settled;
    }
    if (Date.now() > deadline) {
      const seen = spans.map((s) => `${s.name} (${s.span_kind}, parent ${s.parent_id ?? 'none'})`).join(', ') || 'nothing';
      throw new Error(`Phoenix did not have the expected spans of trace ${traceId} in project ${project} within ${timeoutMs} ms; it has: ${seen}`);
    }
    await pause(300);
  }
}

/** Polls `read` until `done(value)`, returning the value; throws with the last value on timeout. */
export async function pollPhoenix<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000, what = 'Phoenix'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)?.slice(0, 2000)}`);
    await pause(400);
  }
}

/** A project name of its own per test run (and per purpose), so runs never see each other's spans. */
export function uniqueProjectName(purpose: string): string {
  const stamp = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  return `traced-chat-test-${purpose}-${stamp}`;
}

/** Deletes a project and its traces (best effort: it may not exist). */
export async function deletePhoenixProject(project: string): Promise<void> {
  await phoenixRest(`/v1/projects/${encodeURIComponent(project)}`, { method: 'DELETE' }).catch((error: unknown) => {
    if (!(error instanceof PhoenixHttpError && error.status === 404)) throw error;
  });
}

export function isRoot(span: PhoenixSpan): boolean {
  return span.parent_id === null;
}

export function spanKind(span: PhoenixSpan): string {
  return span.span_kind.toUpperCase();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
