import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { handleChatRequest } from '../handle-chat-request';

// The same traced turn on the edge runtime. Next deprecates the edge runtime for new code but it is
// still supported; see README "Edge runtime".
export const runtime = 'edge';
export const dynamic = 'force-dynamic';

export const POST = handleChatRequest;
export const GET = methodNotAllowed(['POST']);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
