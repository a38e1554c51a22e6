import { z } from 'zod';
import { CALCULATOR_TOOL, chatTools, CONVERT_UNITS_TOOL } from '@/lib/ai/tools/chat-tools';

export const CHAT_LIMITS = {
  /** A whole request: room for a few 200k-character messages and images (spans stay bounded, see attribute-budget.ts). */
  maxBodyBytes: 8 * 1024 * 1024,
  /** Characters of an image's data URL (about 1.5 MB of image). */
  maxImageUrlLength: 2_000_000,
  maxImagesPerMessage: 4,
  maxMessages: 100,
  /** Characters of one text (about 50k tokens): a pasted document or log fits. */
  maxTextLength: 200_000,
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
  })
  // Trace stores (Phoenix's PostgreSQL) cannot hold U+0000 in text, and no chat needs it.
  .refine((value) => !value.includes('\u0000'), { message: 'contains a NUL character (U+0000)' });

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

export const IMAGE_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
/** An image attachment, as `useChat` sends it: a base64 data URL (or an https URL). */
const filePart = z
  .object({
    type: z.literal('file'),
    mediaType: z.enum(IMAGE_MEDIA_TYPES, { error: `mediaType must be one of ${IMAGE_MEDIA_TYPES.join(', ')}` }),
    url: z
      .string()
      .max(CHAT_LIMITS.maxImageUrlLength, `an image may be at most ${CHAT_LIMITS.maxImageUrlLength} characters as a data URL`)
      .regex(/^(data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*|https:\/\/\S+)$/, 'url must be a base64 image data URL or an https URL'),
    filename: z.string().max(256).optional(),
    providerMetadata: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((part) => !part.url.startsWith('data:') || part.url.startsWith(`data:${part.mediaType};`), {
    message: 'the data URL does not match mediaType',
    path: ['url'],
  });

const TOOL_STATES = ['input-streaming', 'input-available', 'output-available', 'output-error'] as const;
const toolPart = (name: string) =>
  z.object({
    type: z.literal(`tool-${name}`),
    toolCallId: z.string().min(1).max(CHAT_LIMITS.maxIdLength),
    state: z.enum(TOOL_STATES),
    input: z.unknown().optional(),
    output: z.unknown().optional(),
    errorText: z.string().max(CHAT_LIMITS.maxTextLength).optional(),
    rawInput: z.string().max(CHAT_LIMITS.maxTextLength).optional(),
    title: z.string().max(256).optional(),
    providerExecuted: z.boolean().optional(),
    callProviderMetadata: z.record(z.string(), z.unknown()).optional(),
  });

const PART_TYPES = ['text', 'reasoning', 'step-start', 'file', ...Object.keys(chatTools).map((name) => `tool-${name}`)];
const part = z.discriminatedUnion(
  'type',
  [textPart, reasoningPart, stepStartPart, filePart, toolPart(CALCULATOR_TOOL), toolPart(CONVERT_UNITS_TOOL)],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? `unknown part type (expected one of ${PART_TYPES.map((t) => `"${t}"`).join(', ')})` : undefined,
  },
);

const message = z.object({
  id: z.string().max(CHAT_LIMITS.maxIdLength),
  // The system prompt is the server's: a client-supplied system message is refused (400), never traced.
  role: z.enum(['user', 'assistant'], { error: 'role must be "user" or "assistant" (the system prompt is set by the server)' }),
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
    /** Optional: the model the client expects; must be the one this server serves (else 400 `unknown_model`). */
    model: z.string().max(CHAT_LIMITS.maxIdLength).optional(),
  })
  .superRefine((request, ctx) => {
    request.messages.forEach((message, i) => {
      message.parts.forEach((part, j) => {
        if (part.type === 'file' && message.role !== 'user') {
          ctx.addIssue({ code: 'custom', path: ['messages', i, 'parts', j], message: 'only user messages may carry images' });
        }
        if (part.type.startsWith('tool-') && message.role !== 'assistant') {
          ctx.addIssue({ code: 'custom', path: ['messages', i, 'parts', j], message: 'only assistant messages may carry tool calls' });
        }
      });
      if (message.parts.filter((part) => part.type === 'file').length > CHAT_LIMITS.maxImagesPerMessage) {
        ctx.addIssue({ code: 'custom', path: ['messages', i, 'parts'], message: `at most ${CHAT_LIMITS.maxImagesPerMessage} images per message` });
      }
    });
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
