import { z } from 'zod';
import { chatTextSchema } from '../chat/schema';

const nonZeroHex = (length: number, what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .regex(new RegExp(`^[0-9a-f]{${length}}$`), `${what} must be ${length} lowercase hex characters`)
    .refine((value) => !/^0+$/.test(value), `${what} must not be all zeros`);

export const FEEDBACK_COMMENT_MAX = 1000;

/** What the thumbs buttons post: the answer's turn span, its feedback token, the rating, an optional comment. */
export const feedbackRequestSchema = z.strictObject({
  traceId: nonZeroHex(32, 'traceId'),
  spanId: nonZeroHex(16, 'spanId'),
  rating: z.enum(['up', 'down'], { error: 'rating must be "up" or "down"' }),
  comment: chatTextSchema.max(FEEDBACK_COMMENT_MAX, `must be at most ${FEEDBACK_COMMENT_MAX} characters`).optional(),
  /** The answer's signed feedback token (its message metadata); missing → 403, not 400. */
  token: z.string({ error: 'token must be a string' }).max(200, 'token must be at most 200 characters').optional(),
});

export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;
