/**
 * Sits in front of the OTLP receiver and measures what each mode exports: the app exports to
 * `<meter>/<label>/v1/traces`, the meter counts requests and body bytes (as sent on the wire) per
 * label and forwards the export unchanged to the receiver, whose answer it relays.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ExportTally {
  requests: number;
  bytes: number;
}

export interface ExportMeter {
  /** OTLP traces endpoint for `label`. */
  endpoint(label: string): string;
  tally(label: string): ExportTally;
  close(): Promise<void>;
}

const FORWARDED_HEADERS = ['content-type', 'content-encoding', 'authorization', 'x-project-name'];

export async function startExportMeter(options: { port?: number; receiverUrl: string }): Promise<ExportMeter> {
  const tallies = new Map<string, ExportTally>();
  const tally = (label: string): ExportTally => {
    let found = tallies.get(label);
    if (!found) tallies.set(label, (found = { requests: 0, bytes: 0 }));
    return found;
  };
  const server: Server = createServer(async (req, res) => {
    try {
      const match = /^\/([\w-]+)(\/v1\/traces)$/.exec(req.url ?? '');
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const counted = tally(match[1]!);
      counted.requests++;
      counted.bytes += body.byteLength;
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const upstream = await fetch(`${options.receiverUrl}${match[2]}`, { method: 'POST', headers, body });
      const answer = Buffer.from(await upstream.arrayBuffer());
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
      res.end(answer);
    } catch (error) {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: (label) => `http://127.0.0.1:${port}/${label}/v1/traces`,
    tally: (label) => ({ ...tally(label) }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
