import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { handleChatRequest } from './handle-chat-request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = handleChatRequest;
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
