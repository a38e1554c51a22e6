/**
 * An OTLP/HTTP trace receiver that ingests like Arize Phoenix: protobuf only at `POST /v1/traces`
 * (JSON and anything else → 415), `Authorization: Bearer <key>` required when a key is set, project
 * from the `x-project-name` header, else the `openinference.project.name` resource attribute.
 * A small JSON API lets tests read what arrived: `GET /spans[?traceId=]`, `GET /requests`, `DELETE /spans`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';
import { decodeTraceRequest, ExportTraceServiceResponse, type ReceivedSpan } from './decode-traces';
import { toJson } from './span-json';

export interface ReceivedRequest {
  contentType: string;
  headers: Record<string, string>;
  spanCount: number;
  project: string;
}

export interface Receiver {
  url: string;
  port: number;
  spans(): ReceivedSpan[];
  requests(): ReceivedRequest[];
  clear(): void;
  close(): Promise<void>;
}

const PROTOBUF_TYPES = new Set(['application/x-protobuf', 'application/protobuf']);
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export async function startReceiver(options: { port?: number; host?: string; apiKey?: string } = {}): Promise<Receiver> {
  const spans: ReceivedSpan[] = [];
  const requests: ReceivedRequest[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendJson(res, 500, { error: String(error) }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (url.pathname === '/health') return sendJson(res, 200, { ok: true });
    if (url.pathname === '/spans' && req.method === 'GET') {
      const traceId = url.searchParams.get('traceId');
      return sendJson(res, 200, toJson(traceId ? spans.filter((s) => s.traceId === traceId) : spans));
    }
    if (url.pathname === '/spans' && req.method === 'DELETE') {
      spans.length = 0;
      requests.length = 0;
      return sendJson(res, 200, { ok: true });
    }
    if (url.pathname === '/requests' && req.method === 'GET') return sendJson(res, 200, requests);
    if (url.pathname !== '/v1/traces') return sendJson(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });

    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendJson(res, 401, { error: 'invalid or missing API key' });
    }
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!PROTOBUF_TYPES.has(contentType)) {
      return sendJson(res, 415, { error: `unsupported content type "${contentType}": only application/x-protobuf is accepted` });
    }
    let decoded: ReceivedSpan[];
    try {
      decoded = decodeTraceRequest(decompress(await readBody(req), req.headers['content-encoding']));
    } catch (error) {
      return sendJson(res, 400, { error: `invalid OTLP protobuf body: ${(error as Error).message}` });
    }
    const header = req.headers['x-project-name'];
    for (const span of decoded) {
      span.project = (typeof header === 'string' && header) || String(span.resource['openinference.project.name'] ?? 'default');
    }
    spans.push(...decoded);
    requests.push({
      contentType,
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
      spanCount: decoded.length,
      project: decoded[0]?.project ?? 'default',
    });
    const body = ExportTraceServiceResponse.encode(ExportTraceServiceResponse.create({})).finish();
    res.writeHead(200, { 'content-type': 'application/x-protobuf', 'content-length': body.byteLength });
    res.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    spans: () => [...spans],
    requests: () => [...requests],
    clear: () => {
      spans.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function decompress(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === 'deflate') return inflateSync(body);
  return body;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
