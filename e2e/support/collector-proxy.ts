/**
 * A controllable stand-in for a collector in front of the real receiver: it forwards exports, or is
 * down (not listening: connection refused), or answers a fixed HTTP status, or hangs (reads the body,
 * never answers). Counts the exports it saw in each mode.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type ProxyMode = 'pass' | 'down' | 'hang' | number;

export interface CollectorProxy {
  url: string;
  setMode(mode: ProxyMode): Promise<void>;
  /** Export requests seen, per mode. */
  seen: Record<string, number>;
  close(): Promise<void>;
}

export async function startCollectorProxy(port: number, targetUrl: string, initial: ProxyMode = 'pass'): Promise<CollectorProxy> {
  let mode: ProxyMode = initial;
  const seen: Record<string, number> = {};
  const sockets = new Set<Socket>();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen[String(mode)] = (seen[String(mode)] ?? 0) + 1;
    if (mode === 'hang') return; // never answer
    if (typeof mode === 'number') {
      res.writeHead(mode, { 'content-type': 'text/plain' }).end(`collector says ${mode}`);
      return;
    }
    const upstream = await fetch(`${targetUrl}${req.url ?? '/'}`, {
      method: req.method,
      headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k)) as [string, string][]),
      body: Buffer.concat(chunks),
    });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listening = () => server.listening;
  const listen = () => new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  if (initial !== 'down') await listen();
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    async setMode(next) {
      // Leaving "hang": drop the hung requests (the exporter has timed them out already).
      if (mode === 'hang') for (const socket of sockets) socket.destroy();
      mode = next;
      if (next === 'down' && listening()) await stop();
      if (next !== 'down' && !listening()) await listen();
    },
    close: () => (listening() ? stop() : Promise.resolve()),
  };
}
