'use server';

import { cookies } from 'next/headers';
import { APP_VERSION } from '@/lib/app/app-version';
import type { ChatMessage } from '@/lib/chat/chat-message';
import { isAnonymousUserId, USER_COOKIE } from '@/lib/http/anonymous-user';
import { streamChatTurn } from '@/lib/chat/stream-chat-turn';
import { flushAfterTurn } from '@/lib/tracing/export/flush-after-turn';
import { FOLLOW_UPS_REQUEST } from '@/lib/ai/follow-ups-prompt';
import { followUpsInputSchema } from './follow-ups-schema';

export type FollowUpsResult =
  | { ok: true; traceId: string; spanId: string; stream: ReadableStream<string> }
  | { ok: false; error: { code: string; message: string } };

/**
 * A server action that streams a completion — "suggest follow-up questions" — traced exactly like a
 * chat turn: a CHAIN span named `suggest follow-ups`, an LLM span per model call, output and tokens
 * set when the stream closes, flushed after the response. Returns the trace id with the text stream.
 * Server actions get no request abort signal, so the turn ends on finish, error or its deadline.
 */
export async function suggestFollowUps(input: unknown): Promise<FollowUpsResult> {
  const parsed = followUpsInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'invalid_input', message: `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}` } };
  }
  const messages: ChatMessage[] = [
    ...parsed.data.messages,
    { id: 'follow-ups-request', role: 'user', parts: [{ type: 'text', text: FOLLOW_UPS_REQUEST }] },
  ];
  const userCookie = (await cookies()).get(USER_COOKIE)?.value;
  const { turn, result } = await streamChatTurn({
    name: 'suggest follow-ups',
    sessionId: parsed.data.sessionId,
    messages,
    signal: new AbortController().signal,
    userId: isAnonymousUserId(userCookie) ? userCookie : undefined,
    metadata: { app_version: APP_VERSION, runtime: 'nodejs', route: 'action:suggestFollowUps' },
    tags: ['follow-ups', 'server-action'],
  });
  flushAfterTurn(turn);
  return { ok: true, traceId: turn.traceId, spanId: turn.spanId, stream: result.textStream };
}
