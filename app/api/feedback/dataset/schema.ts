import { z } from 'zod';
import { feedbackRequestSchema } from '../schema';

/**
 * What "Add to dataset" posts: the answer's turn span, its feedback token (proof that this browser got
 * the answer) and the 👎 comment. Nothing about the conversation itself: the server reads that from Phoenix.
 */
export const datasetRequestSchema = z.strictObject({
  traceId: feedbackRequestSchema.shape.traceId,
  spanId: feedbackRequestSchema.shape.spanId,
  token: feedbackRequestSchema.shape.token,
  comment: feedbackRequestSchema.shape.comment,
});

export type DatasetRequest = z.infer<typeof datasetRequestSchema>;
