/**
 * An OTLP/HTTP trace receiver that ingests like Arize Phoenix: protobuf at `POST /v1/traces`
 * (JSON too with `acceptJson`, else → 415 like Phoenix; anything else → 415), gzip/deflate bodies,
 * undecodable → 400, `Authorization: Bearer <key>` required when a key is set (→ 401), project from
 * the `x-project-name` header, else the `openinference.project.name` resource attribute, else
 * 'default'. Phoenix's `POST /v1/span_annotations` stores span annotations.
 * Access (receiver-access.ts): a Host that is not this machine's → 403 (DNS rebinding); with a key,
 * every route but `GET /health` needs it → 401. Request records keep no credential headers and only
 * the latest `maxRequests`.
 * With `dataDir`, spans and annotations are kept on disk (rotated segments) and reloaded on start.
 * A JSON API reads what arrived (see query-routes.ts) and `GET /health`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJsonTraceRequest } from '../otlp/decode-json-traces.ts';
import { decodeTraceRequest, encodeExportResponse, type ReceivedSpan } from '../otlp/decode-traces.ts';
import { handleQuery } from './query-routes.ts';
import { handleSessionQuery } from './session-routes.ts';
import { checkAccess, storedHeaders } from './receiver-access.ts';
import { decodeContentEncoding, HttpError, readBody } from './request-body.ts';
import { openSegmentLog, type SegmentLogOptions } from '../store/segment-log.ts';
import { sendJson } from './send-json.ts';
import { AnnotationBodyError, parseAnnotationBody, type SpanAnnotation } from '../store/span-annotations.ts';
import { createSpanStore, type ReceivedRequest, type SpanPredicate } from '../store/span-store.ts';

export type { ReceivedRequest, SpanPredicate } from '../store/span-store.ts';
export type { SpanAnnotation } from '../store/span-annotations.ts';

export interface ReceiverOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** When set, every route except `GET /health` needs `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Host names accepted besides loopback names and the bound host (`*`: any). Default none. */
  allowedHosts?: readonly string[];
  /** How many export request records `requests()` keeps (oldest dropped). Default 1000. */
  maxRequests?: number;
  /** Also accept OTLP/JSON (`application/json`) at /v1/traces. Default false: protobuf only, like Phoenix. */
  acceptJson?: boolean;
  /** Keep spans and annotations in NDJSON segments under this directory and reload them on start. */
  dataDir?: string;
  /** Segment size and retention bounds for `dataDir` (see segment-log.ts for the defaults). */
  retention?: Omit<SegmentLogOptions, 'dir'>;
  /** Called after each accepted export (e.g. to log it). */
  onExport?: (request: ReceivedRequest, spans: ReceivedSpan[]) => void;
}

export interface Receiver {
  /** e.g. http://127.0.0.1:6007 — the OTLP endpoint is `${url}/v1/traces`. */
  url: string;
  port: number;
  spans(): ReceivedSpan[];
  requests(): ReceivedRequest[];
  annotations(): SpanAnnotation[];
  clear(): void;
  /** Resolves with all spans once `predicate` holds; rejects on timeout naming the spans received. */
  waitForSpans(predicate: SpanPredicate, timeoutMs: number): Promise<ReceivedSpan[]>;
  close(): Promise<void>;
}

const PROTOBUF_TYPES = new Set(['application/x-protobuf', 'application/protobuf']);
export const PROJECT_ATTRIBUTE = 'openinference.project.name';

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const store = createSpanStore(options.dataDir ? openSegmentLog({ ...options.retention, dir: options.dataDir }) : undefined, options.maxRequests);
  const host = options.host ?? '127.0.0.1';
  const rules = { apiKey: options.apiKey, allowedHosts: options.allowedHosts, boundHost: host };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const method = req.method ?? 'GET';
    const refusal = checkAccess(rules, method, url.pathname, req.headers.host, req.headers.authorization);
    if (refusal) {
      // Drain what the client sends (bounded) so that it reads the answer instead of a reset.
      await readBody(req).catch(() => undefined);
      return sendJson(res, refusal.status, { error: refusal.message });
    }
    if (method === 'GET' && url.pathname === '/health') return sendJson(res, 200, { ok: true });
    if (handleQuery(method, url, store, res)) return;
    if (handleSessionQuery(method, url, store, res)) return;
    if (url.pathname === '/v1/span_annotations') {
      if (method !== 'POST') return sendJson(res, 405, { error: 'use POST for /v1/span_annotations' });
      return annotate(req, res);
    }
    if (url.pathname !== '/v1/traces') return sendJson(res, 404, { error: `no route ${method} ${url.pathname}` });
    if (method !== 'POST') return sendJson(res, 405, { error: 'use POST for /v1/traces' });
    await ingest(req, res);
  }

  async function annotate(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = decodeContentEncoding(await readBody(req), req.headers['content-encoding']);
    try {
      const saved = store.annotate(parseAnnotationBody(body.toString('utf8')));
      sendJson(res, 200, { data: saved.map((annotation) => ({ id: annotation.id })) });
    } catch (error) {
      if (error instanceof AnnotationBodyError) return sendJson(res, 422, { error: error.message });
      throw error;
    }
  }

  async function ingest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const json = contentType === 'application/json' && options.acceptJson === true;
    if (!PROTOBUF_TYPES.has(contentType) && !json) {
      const accepted = options.acceptJson ? 'application/x-protobuf or application/json are' : 'only application/x-protobuf is';
      throw new HttpError(415, `unsupported content-type "${contentType}": ${accepted} accepted`);
    }
    const body = decodeContentEncoding(raw, req.headers['content-encoding']);
    let spans: ReceivedSpan[];
    try {
      spans = json ? decodeJsonTraceRequest(body.toString('utf8')) : decodeTraceRequest(body);
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
      headers: storedHeaders(req.headers),
      spanCount: spans.length,
      project: spans[0]?.project ?? headerProject ?? 'default',
    };
    store.add(spans, request);
    options.onExport?.(request, spans);
    if (json) return sendJson(res, 200, {});
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
    annotations: store.annotations,
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
