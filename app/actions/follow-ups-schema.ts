import { z } from 'zod';
import { CHAT_LIMITS, chatIdSchema, chatTextSchema } from '../api/chat/schema';

const message = z.object({
  id: z.string().max(CHAT_LIMITS.maxIdLength),
  role: z.enum(['user', 'assistant']),
  parts: z
    .array(z.object({ type: z.literal('text'), text: chatTextSchema }))
    .min(1)
    .max(100),
});

/** What the "Suggest follow-ups" action takes: the chat id and its text messages. */
export const followUpsInputSchema = z.object({
  sessionId: chatIdSchema,
  messages: z.array(message).min(1, 'the chat has no messages yet').max(CHAT_LIMITS.maxMessages),
});

export type FollowUpsInput = z.infer<typeof followUpsInputSchema>;
