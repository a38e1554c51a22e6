/**
 * A bare OTLP/HTTP endpoint that keeps the raw bytes of every export, for tests that must prove a
 * value never left the app in any form (masking, secrets). Answers like a collector: 200 + an empty
 * protobuf `ExportTraceServiceResponse`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeTraceRequest, type ReceivedSpan } from '../../receiver/api';

export interface RawCapture {
  url: string;
  bytes(): Buffer;
  spans(): ReceivedSpan[];
  clear(): void;
  close(): Promise<void>;
}

export async function startRawCapture(): Promise<RawCapture> {
  let bodies: Buffer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': 'application/x-protobuf', 'content-length': 0 }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => Buffer.concat(bodies),
    spans: () => bodies.flatMap((body) => decodeTraceRequest(body)),
    clear: () => void (bodies = []),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
