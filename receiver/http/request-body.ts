/** Reads an export's body, bounded, and undoes its `content-encoding` (gzip, deflate, identity). */
import type { IncomingMessage } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** A request the receiver refuses, with the HTTP status to answer. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function decodeContentEncoding(body: Buffer, header: string | undefined): Buffer {
  const encoding = (header ?? 'identity').trim().toLowerCase();
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, { maxOutputLength: MAX_BODY_BYTES });
    if (encoding === 'deflate') return inflateSync(body, { maxOutputLength: MAX_BODY_BYTES });
  } catch (error) {
    throw new HttpError(400, `cannot decode ${encoding} body: ${(error as Error).message}`);
  }
  if (encoding === 'identity' || encoding === '') return body;
  throw new HttpError(415, `unsupported content-encoding "${encoding}": use gzip, deflate or none`);
}
