import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { handleChatRequest } from './handle-chat-request';

/** The HTTP methods of both chat routes (Node and edge); each route file adds only its runtime. */
export const POST = handleChatRequest;
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
