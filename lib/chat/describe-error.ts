import { APICallError } from '@ai-sdk/provider';
import { redactSecrets } from '@/lib/secrets/redact-secrets';

/** A short, readable message for the chat UI. Never a stack trace, never a request body or key. */
export function describeError(error: unknown): string {
  if (error instanceof Error && (isConnectionLost(error) || (error.cause instanceof Error && isConnectionLost(error.cause)))) {
    return 'The connection to the model provider was lost in the middle of the answer.';
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ? ` (HTTP ${error.statusCode})` : '';
    return `The model provider returned an error${status}: ${firstLine(error.message)}`;
  }
  if (error instanceof Error) {
    if (error.name === 'ModelStallError') return `The model stopped responding (${firstLine(error.message)}); the answer was cut off.`;
    if (error.name === 'TimeoutError') return 'The model took too long to answer; the request timed out.';
    if (error.name === 'AbortError') return 'The request was cancelled.';
    return `The model failed: ${firstLine(error.message)}`;
  }
  return 'The model failed with an unknown error.';
}

/** undici's "terminated" / "other side closed", a reset socket: the upstream went away mid-stream. */
function isConnectionLost(error: Error): boolean {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown }).code;
  return error.message === 'terminated' || code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
}

function firstLine(message: string): string {
  const line = redactSecrets(message.split('\n')[0] ?? '');
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
