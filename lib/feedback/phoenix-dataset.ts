/**
 * Where thumbs-down answers go: the Phoenix of `PHOENIX_COLLECTOR_ENDPOINT` (REST, the server's
 * `PHOENIX_API_KEY`), dataset `PHOENIX_FEEDBACK_DATASET` (default `traced-chat-thumbs-down`), spans
 * read from project `PHOENIX_PROJECT_NAME`. Web APIs only (Node and edge).
 */
import type { PhoenixConfig } from '@/lib/config/config-types';
import { phoenixBaseUrl, phoenixHeaders } from '@/lib/tracing/export/export-target';
import type { PhoenixSpan } from './dataset-example';


export interface PhoenixDatasetTarget {
  base: string;
  headers: Record<string, string>;
  project: string;
  dataset: string;
}

export function phoenixDatasetTarget(phoenix: PhoenixConfig): PhoenixDatasetTarget | undefined {
  const base = phoenixBaseUrl(phoenix);
  if (!base) return undefined;
  // PHOENIX_FEEDBACK_DATASET is checked against Phoenix's name rule by lib/config (invalid: the default).
  return { base, headers: phoenixHeaders(phoenix), project: phoenix.projectName, dataset: phoenix.feedbackDataset };
}

/** A failed Phoenix call: `message` is safe for the client; `detail` (Phoenix's own answer) is for the server log only. */
export class PhoenixRequestError extends Error {
  constructor(
    readonly code: 'phoenix_unreachable' | 'phoenix_rejected',
    message: string,
    readonly detail: string,
  ) {
    super(message);
    this.name = 'PhoenixRequestError';
  }
}

/** Every span of one trace as Phoenix stored it (a turn has far fewer than 1000). */
export async function fetchTraceSpans(target: PhoenixDatasetTarget, traceId: string, signal: AbortSignal): Promise<PhoenixSpan[]> {
  const url = `${target.base}/v1/projects/${encodeURIComponent(target.project)}/spans?trace_id=${traceId}&limit=1000`;
  const response = await phoenixFetch(url, { headers: target.headers, signal });
  if (response.status === 404) return []; // project not created yet: nothing exported so far
  if (!response.ok) throw await refused(response, 'the span query');
  const body = (await response.json()) as { data?: PhoenixSpan[] };
  return body.data ?? [];
}

export interface UploadResult {
  datasetId: string;
  created: number;
  updated: number;
}

export async function uploadToDataset(target: PhoenixDatasetTarget, body: unknown, signal: AbortSignal): Promise<UploadResult> {
  const response = await phoenixFetch(`${target.base}/v1/datasets/upload?sync=true`, {
    method: 'POST',
    headers: { ...target.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw await refused(response, 'the dataset example');
  const data = ((await response.json()) as { data?: Record<string, unknown> }).data ?? {};
  return {
    datasetId: String(data.dataset_id ?? ''),
    created: Number(data.num_created_examples ?? 0),
    updated: Number(data.num_updated_examples ?? 0),
  };
}

async function phoenixFetch(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw error;
    throw new PhoenixRequestError('phoenix_unreachable', 'Phoenix could not be reached. Try again later.', error instanceof Error ? error.message : String(error));
  }
}

async function refused(response: Response, what: string): Promise<PhoenixRequestError> {
  const body = (await response.text().catch(() => '')).slice(0, 500);
  return new PhoenixRequestError('phoenix_rejected', `Phoenix refused ${what} (HTTP ${response.status}).`, `HTTP ${response.status}: ${body}`);
}
