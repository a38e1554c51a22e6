import { handleChatRequest } from '../handle-chat-request';

// The same traced turn on the edge runtime. Next deprecates the edge runtime for new code but it is
// still supported; see README "Edge runtime".
export const runtime = 'edge';
export const dynamic = 'force-dynamic';

export const POST = handleChatRequest;
