/**
 * An OTLP/HTTP trace receiver that ingests like Arize Phoenix: protobuf only at `POST /v1/traces`
 * (JSON and anything else → 415), gzip/deflate bodies, undecodable → 400, `Authorization: Bearer <key>`
 * required when a key is set (→ 401), project from the `x-project-name` header, else the
 * `openinference.project.name` resource attribute, else 'default'.
 * A JSON API lets tests read what arrived: `GET /spans[?traceId=]`, `GET /requests`, `DELETE /spans`,
 * `GET /health`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeTraceRequest, encodeExportResponse, type ReceivedSpan } from './decode-traces';
import { decodeContentEncoding, HttpError, readBody } from './request-body';
import { toJson } from './span-json';
import { createSpanStore, type ReceivedRequest, type SpanPredicate } from './span-store';

export type { ReceivedRequest, SpanPredicate } from './span-store';

export interface ReceiverOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** When set, exports must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Called after each accepted export (e.g. to log it). */
  onExport?: (request: ReceivedRequest) => void;
}

export interface Receiver {
  /** e.g. http://127.0.0.1:6007 — the OTLP endpoint is `${url}/v1/traces`. */
  url: string;
  port: number;
  spans(): ReceivedSpan[];
  requests(): ReceivedRequest[];
  clear(): void;
  /** Resolves with all spans once `predicate` holds; rejects on timeout naming the spans received. */
  waitForSpans(predicate: SpanPredicate, timeoutMs: number): Promise<ReceivedSpan[]>;
  close(): Promise<void>;
}

const PROTOBUF_TYPES = new Set(['application/x-protobuf', 'application/protobuf']);
export const PROJECT_ATTRIBUTE = 'openinference.project.name';

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const store = createSpanStore();
  const host = options.host ?? '127.0.0.1';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    if (route === 'GET /health') return sendJson(res, 200, { ok: true });
    if (route === 'GET /spans') {
      const traceId = url.searchParams.get('traceId');
      return sendJson(res, 200, toJson(traceId ? store.spans().filter((s) => s.traceId === traceId) : store.spans()));
    }
    if (route === 'DELETE /spans') {
      store.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (route === 'GET /requests') return sendJson(res, 200, store.requests());
    if (url.pathname !== '/v1/traces') return sendJson(res, 404, { error: `no route ${route}` });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST for /v1/traces' });
    await ingest(req, res);
  }

  async function ingest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Read the body before refusing anything, so that a refused client still gets its answer.
    const raw = await readBody(req);
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      throw new HttpError(401, 'missing or invalid API key (expected Authorization: Bearer <key>)');
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!PROTOBUF_TYPES.has(contentType)) {
      throw new HttpError(415, `unsupported content-type "${contentType}": only application/x-protobuf is accepted`);
    }
    const body = decodeContentEncoding(raw, req.headers['content-encoding']);
    let spans: ReceivedSpan[];
    try {
      spans = decodeTraceRequest(body);
    } catch (error) {
      throw new HttpError(400, `invalid OTLP ExportTraceServiceRequest: ${(error as Error).message}`);
    }
    const header = req.headers['x-project-name'];
    const headerProject = typeof header === 'string' && header.trim() ? header.trim() : undefined;
    for (const span of spans) {
      const fromResource = span.resource[PROJECT_ATTRIBUTE];
      span.project = headerProject ?? (typeof fromResource === 'string' && fromResource ? fromResource : 'default');
    }
    const request: ReceivedRequest = {
      contentType,
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]),
      ),
      spanCount: spans.length,
      project: spans[0]?.project ?? headerProject ?? 'default',
    };
    store.add(spans, request);
    options.onExport?.(request);
    const response = encodeExportResponse();
    res.writeHead(200, { 'content-type': 'application/x-protobuf', 'content-length': response.byteLength });
    res.end(response);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
      sendJson(res, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    spans: store.spans,
    requests: store.requests,
    clear: store.clear,
    waitForSpans: store.waitForSpans,
    close: () =>
      new Promise<void>((resolve, reject) => {
        store.abort('receiver closed');
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.destroy();
  // 413 stops reading mid-body: close the connection rather than reuse it.
  res.writeHead(status, { 'content-type': 'application/json', ...(status === 413 ? { connection: 'close' } : {}) });
  res.end(JSON.stringify(body));
}
