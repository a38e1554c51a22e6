import { context } from '@opentelemetry/api';
import { appConfig } from '@/lib/config/app-config';
import { APP_VERSION } from '@/lib/app/app-version';
import { chatTools } from '@/lib/ai/tools/chat-tools';
import { abortOnCancel } from '@/lib/tracing/lifecycle/abort-on-cancel';
import { describeError } from '@/lib/chat/describe-error';
import type { ChatMessage, ChatMessageMetadata } from '@/lib/chat/chat-message';
import { streamChatTurn } from '@/lib/chat/stream-chat-turn';
import { annotationTarget } from '@/lib/feedback/phoenix-annotations';
import { issueFeedbackToken } from '@/lib/feedback/authorize-feedback';
import { anonymousUser } from '@/lib/http/anonymous-user';
import { isSecureRequest } from '@/lib/http/secure-request';
import { configuredModelId } from '@/lib/ai/get-language-model';
import { errorResponse, HttpError } from '@/lib/http/http-error';
import { flushAfterTurn } from '@/lib/tracing/export/flush-after-turn';
import { readJsonBody } from '@/lib/http/read-json-body';
import { parseChatRequest } from './parse-chat-request';
import { CHAT_LIMITS } from './schema';

/**
 * Streams one traced chat turn as an AI SDK UI message stream. Shared by the Node route
 * (`/api/chat`) and the edge route (`/api/chat/edge`): same validation, same tools, same spans.
 */
export async function handleChatRequest(request: Request): Promise<Response> {
  try {
    const chat = parseChatRequest(await readJsonBody(request, CHAT_LIMITS.maxBodyBytes));
    const config = appConfig();
    const served = configuredModelId(config);
    if (chat.model !== undefined && chat.model !== served) {
      throw new HttpError(400, 'unknown_model', `Unknown model ${JSON.stringify(chat.model)}: this server serves "${served}".`);
    }
    const runtime = config.runtime;
    const route = new URL(request.url).pathname;
    const user = anonymousUser(request.headers.get('cookie'), isSecureRequest(request.headers, config));
    const { turn, result, modelId, clientGone } = await streamChatTurn({
      sessionId: chat.id,
      messages: chat.messages as ChatMessage[],
      signal: request.signal,
      requestContext: context.active(),
      tools: chatTools,
      userId: user.userId,
      metadata: { app_version: APP_VERSION, runtime, route },
      tags: ['chat', runtime],
    });
    // On the edge, `request.signal` aborts only while this Request object is alive: the edge runtime's
    // undici forwards the client's abort through an AbortController that only the Request holds (the
    // signal alone does not), so once it is garbage-collected the signal never fires. Keep it until
    // the turn ends.
    void turn.ended.finally(() => request);
    flushAfterTurn(turn);
    const feedback = annotationTarget(config.phoenix) !== undefined;
    const start: ChatMessageMetadata = {
      traceId: turn.traceId,
      spanId: turn.spanId,
      model: modelId,
      runtime,
      feedback,
      // Only this browser (its tc_uid cookie) may rate this answer: /api/feedback checks the token.
      ...(feedback ? { feedbackToken: await issueFeedbackToken({ traceId: turn.traceId, spanId: turn.spanId, userId: user.userId }, config) } : {}),
    };
    const response = result.toUIMessageStreamResponse<ChatMessage>({
      headers: { traceresponse: turn.traceResponse, ...(user.setCookie ? { 'set-cookie': user.setCookie } : {}) },
      messageMetadata: ({ part }) =>
        part.type === 'start' ? start : part.type === 'finish' ? { ...start, finishReason: part.finishReason } : undefined,
      onError: describeError,
    });
    return abortOnCancel(response, clientGone);
  } catch (error) {
    return errorResponse(error);
  }
}
