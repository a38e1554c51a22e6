import { APICallError } from '@ai-sdk/provider';

/** A short, readable message for the chat UI. Never a stack trace, never a request body or key. */
export function describeError(error: unknown): string {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ? ` (HTTP ${error.statusCode})` : '';
    return `The model provider returned an error${status}: ${firstLine(error.message)}`;
  }
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'The model took too long to answer; the request timed out.';
    if (error.name === 'AbortError') return 'The request was cancelled.';
    return `The model failed: ${firstLine(error.message)}`;
  }
  return 'The model failed with an unknown error.';
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
