import { validate } from '@/lib/http/validate';
import { chatRequestSchema, type ChatRequest } from './schema';

/** Validates a chat request body; a 400 names every problem with its JSON path. */
export function parseChatRequest(body: unknown): ChatRequest {
  return validate(chatRequestSchema, body, 'chat request');
}
