import { z } from 'zod';

export const CHAT_LIMITS = {
  maxBodyBytes: 512 * 1024,
  maxMessages: 100,
  maxTextLength: 16_000,
  maxIdLength: 128,
} as const;

/** A chat (session) id. */
export const chatIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(CHAT_LIMITS.maxIdLength, `must be at most ${CHAT_LIMITS.maxIdLength} characters`)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');

/** Message text: bounded, and no unpaired UTF-16 surrogates. */
export const chatTextSchema = z
  .string()
  .max(CHAT_LIMITS.maxTextLength, `must be at most ${CHAT_LIMITS.maxTextLength} characters`)
  .refine((value) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value), {
    message: 'contains an unpaired UTF-16 surrogate',
  });

const textPart = z.object({
  type: z.literal('text'),
  text: chatTextSchema,
  state: z.enum(['streaming', 'done']).optional(),
  providerMetadata: z.record(z.string(), z.unknown()).optional(),
});
const reasoningPart = z.object({
  type: z.literal('reasoning'),
  text: chatTextSchema,
  state: z.enum(['streaming', 'done']).optional(),
  providerMetadata: z.record(z.string(), z.unknown()).optional(),
});
const stepStartPart = z.object({ type: z.literal('step-start') });

const part = z.discriminatedUnion('type', [textPart, reasoningPart, stepStartPart], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'unknown part type (expected "text", "reasoning" or "step-start")' : undefined,
});

const message = z.object({
  id: z.string().max(CHAT_LIMITS.maxIdLength),
  role: z.enum(['user', 'assistant', 'system'], { error: 'role must be "user", "assistant" or "system"' }),
  parts: z.array(part).min(1, 'a message needs at least one part').max(100),
  metadata: z.unknown().optional(),
});

/** What `useChat`'s `DefaultChatTransport` posts: the chat id and the whole message list. */
export const chatRequestSchema = z
  .object({
    id: chatIdSchema,
    messages: z
      .array(message)
      .min(1, 'must contain at least one message')
      .max(CHAT_LIMITS.maxMessages, `must contain at most ${CHAT_LIMITS.maxMessages} messages`),
    trigger: z.enum(['submit-message', 'regenerate-message']).optional(),
    messageId: z.string().max(CHAT_LIMITS.maxIdLength).optional(),
  })
  .superRefine((request, ctx) => {
    const last = request.messages.at(-1);
    if (!last) return;
    if (last.role !== 'user') {
      ctx.addIssue({ code: 'custom', path: ['messages', request.messages.length - 1, 'role'], message: 'the last message must be from the user' });
      return;
    }
    const lastText = last.parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('');
    if (lastText.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['messages', request.messages.length - 1, 'parts'], message: 'the last user message has no text' });
    }
  });

export type ChatRequest = z.infer<typeof chatRequestSchema>;
