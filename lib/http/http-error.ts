import { redactSecrets } from '@/lib/secrets/redact-secrets';

/** A client-facing error: HTTP status, a stable machine code, and a message that says what is wrong. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** `{ error: { code, message, details? } }` with the error's status; anything unexpected is a 500 without internals. */
export function errorResponse(error: unknown, headers?: HeadersInit): Response {
  if (error instanceof HttpError) {
    // Our own messages, but they may quote input or an upstream: no configured secret leaves in one.
    const body = { error: { code: error.code, message: redactSecrets(error.message), ...(error.details ? { details: error.details } : {}) } };
    return Response.json(body, { status: error.status, headers });
  }
  console.error('[http] unexpected error:', redactSecrets(error instanceof Error ? error.message : String(error)));
  return Response.json({ error: { code: 'internal_error', message: 'Internal server error.' } }, { status: 500, headers });
}
