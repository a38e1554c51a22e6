
import { HttpError } from '@/lib/http/http-error';
import { chatRequestSchema, type ChatRequest } from './schema';

/** Validates a chat request body; a 400 names every problem with its JSON path. */
export function parseChatRequest(body: unknown): ChatRequest {
  const result = chatRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  const first = issues[0];
  const summary = first ? `${first.path || 'body'}: ${first.message}` : 'invalid request';
  throw new HttpError(400, 'invalid_request', `Invalid chat request — ${summary}`, { issues });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

