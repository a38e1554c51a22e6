import { context } from '@opentelemetry/api';
import { describeError } from '@/lib/chat/describe-error';
import type { ChatMessage, ChatMessageMetadata } from '@/lib/chat/chat-message';
import { streamChatTurn } from '@/lib/chat/stream-chat-turn';
import { errorResponse } from '@/lib/http/http-error';
import { flushAfterTurn } from '@/lib/tracing/flush-after-turn';
import { readJsonBody } from '@/lib/http/read-json-body';
import { parseChatRequest } from './parse-chat-request';
import { CHAT_LIMITS } from './schema';

/**
 * Streams one traced chat turn as an AI SDK UI message stream. Shared by the Node route
 * (`/api/chat`) and the edge route (`/api/chat/edge`): same validation, same spans.
 */
export async function handleChatRequest(request: Request): Promise<Response> {
  try {
    const chat = parseChatRequest(await readJsonBody(request, CHAT_LIMITS.maxBodyBytes));
    const { turn, result, modelId } = await streamChatTurn({
      sessionId: chat.id,
      messages: chat.messages as ChatMessage[],
      signal: request.signal,
      requestContext: context.active(),
    });
    flushAfterTurn(turn);
    const start: ChatMessageMetadata = {
      traceId: turn.traceId,
      spanId: turn.spanId,
      model: modelId,
      runtime: process.env.NEXT_RUNTIME === 'edge' ? 'edge' : 'nodejs',
    };
    return result.toUIMessageStreamResponse<ChatMessage>({
      headers: { traceresponse: turn.traceResponse },
      messageMetadata: ({ part }) =>
        part.type === 'start' ? start : part.type === 'finish' ? { ...start, finishReason: part.finishReason } : undefined,
      onError: describeError,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
