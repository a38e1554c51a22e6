/** Phoenix's own view of a trace (REST `GET /v1/projects/{project}/spans`), for the optional real-Phoenix checks. */
export interface PhoenixSpan {
  name: string;
  context: { trace_id: string; span_id: string };
  span_kind: string;
  parent_id: string | null;
  status_code: string;
  attributes: Record<string, unknown>;
}

/** Where a real Phoenix runs for tests (`PHOENIX_TEST_URL`, e.g. http://127.0.0.1:6006), if any. */
export const PHOENIX_TEST_URL = process.env.PHOENIX_TEST_URL?.replace(/\/+$/, '');

export async function phoenixSpans(phoenixUrl: string, project: string, traceId: string): Promise<PhoenixSpan[]> {
  const url = `${phoenixUrl}/v1/projects/${encodeURIComponent(project)}/spans?trace_id=${traceId}&limit=100`;
  const response = await fetch(url);
  if (response.status === 404) return []; // the project is created by its first span
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { data: PhoenixSpan[] }).data;
}
