/**
 * Who and what a turn belongs to — `session.id`, `user.id`, `metadata` (JSON string), `tag.tags` —
 * set once per request in OpenTelemetry context, with OpenInference's own context keys (so other
 * OpenInference instrumentations running in the same context see them too). The
 * `ContextAttributesSpanProcessor` copies them onto every span started in that context.
 */
import { setMetadata, setSession, setTags, setUser } from '@arizeai/openinference-core';
import type { Context } from '@opentelemetry/api';

export interface TurnContext {
  sessionId: string;
  userId?: string;
  metadata?: Record<string, unknown>;
  tags?: string[];
}

export function withTurnContext(parent: Context, turn: TurnContext): Context {
  let ctx = setSession(parent, { sessionId: turn.sessionId });
  if (turn.userId) ctx = setUser(ctx, { userId: turn.userId });
  if (turn.metadata) ctx = setMetadata(ctx, turn.metadata);
  if (turn.tags && turn.tags.length > 0) ctx = setTags(ctx, turn.tags);
  return ctx;
}
