import type { InferUITools, UIDataTypes, UIMessage } from 'ai';
import type { ChatTools } from '@/lib/ai/tools/chat-tools';

/**
 * Metadata the server attaches to each assistant message (sent on the stream's `start` and `finish`
 * parts). `traceId`/`spanId` identify the turn's root span, so the UI can show and copy them and
 * feedback can be attached to the exact turn that produced the message.
 */
export interface ChatMessageMetadata {
  traceId?: string;
  spanId?: string;
  model?: string;
  /** `nodejs` or `edge`: where the turn ran. */
  runtime?: string;
  finishReason?: string;
  /** Whether thumbs feedback is recorded (a Phoenix is configured). */
  feedback?: boolean;
  /** Signed token that lets this browser, and only it, rate this answer (lib/feedback/feedback-token.ts). */
  feedbackToken?: string;
}

export type ChatMessage = UIMessage<ChatMessageMetadata, UIDataTypes, InferUITools<ChatTools>>;
