import { handleChatRequest } from './handle-chat-request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = handleChatRequest;
