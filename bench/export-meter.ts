/**
 * Stands in for the collector while the benchmark measures: the app exports to
 * `<meter>/<label>/v1/traces`; the meter counts requests and body bytes (as sent on the wire) per
 * label, answers at once as a collector does (an empty `ExportTraceServiceResponse`), and keeps the
 * bodies. `deliver()` then forwards them unchanged to the OTLP receiver — after the measurement, so
 * that decoding spans never competes with the chats being timed.
 */
import { createServer, type Server } from 'node:http';
import { listenLocally } from '../lib/ai/testing/local-http-server';
import { encodeExportResponse } from '../receiver/api';

export interface ExportTally {
  requests: number;
  bytes: number;
}

export interface ExportMeter {
  /** OTLP traces endpoint for `label`. */
  endpoint(label: string): string;
  tally(label: string): ExportTally;
  /** Forwards every export held so far to `${receiverUrl}/v1/traces`; resolves once all are accepted. */
  deliver(receiverUrl: string): Promise<void>;
  close(): Promise<void>;
}

const FORWARDED_HEADERS = ['content-type', 'content-encoding', 'authorization', 'x-project-name'];

interface HeldExport {
  headers: Record<string, string>;
  body: Buffer;
}

export async function startExportMeter(options: { port?: number } = {}): Promise<ExportMeter> {
  const tallies = new Map<string, ExportTally>();
  let held: HeldExport[] = [];
  const tally = (label: string): ExportTally => {
    let found = tallies.get(label);
    if (!found) tallies.set(label, (found = { requests: 0, bytes: 0 }));
    return found;
  };
  const response = encodeExportResponse();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/([\w-]+)\/v1\/traces$/.exec(req.url ?? '');
      if (!match || req.method !== 'POST') return void res.writeHead(404).end();
      const body = Buffer.concat(chunks);
      const counted = tally(match[1]!);
      counted.requests++;
      counted.bytes += body.byteLength;
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      held.push({ headers, body });
      res.writeHead(200, { 'content-type': 'application/x-protobuf', 'content-length': response.byteLength });
      res.end(response);
    });
  });
  // Longer than any pause between two exports of a run: the exporter reuses its keep-alive socket,
  // and a server closing it under a busy event loop (the in-process microbenchmark) races the next request.
  server.keepAliveTimeout = 120_000;
  const { port, close } = await listenLocally(server, options.port);
  return {
    endpoint: (label) => `http://127.0.0.1:${port}/${label}/v1/traces`,
    tally: (label) => ({ ...tally(label) }),
    async deliver(receiverUrl) {
      const batch = held;
      held = [];
      for (const { headers, body } of batch) {
        const answer = await fetch(`${receiverUrl}/v1/traces`, { method: 'POST', headers, body: new Uint8Array(body) });
        if (!answer.ok) throw new Error(`receiver refused an export: ${answer.status} ${await answer.text()}`);
      }
    },
    close,
  };
}
