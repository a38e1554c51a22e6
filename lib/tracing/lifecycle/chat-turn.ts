/**
 * A chat turn: the span that covers one user message and the streamed answer — AGENT when the model
 * may call tools, CHAIN when not — plus the LLM spans of its model calls and the TOOL spans of its
 * tool executions. The turn span is the root of its own trace (linked to the HTTP
 * request span when there is one), so it keeps its real lifetime: `@vercel/otel` force-ends every
 * open span of a trace when that trace's root ends, and the request span ends when the handler
 * returns — long before the stream does.
 */
import type { LanguageModelV4 } from '@ai-sdk/provider';
import { context as otelContext, isSpanContextValid, trace, type Context, type Link } from '@opentelemetry/api';
import { getChainEndAttributes, getChainStartAttributes } from '../vocabulary/chain-attributes';
import type { ToolSet } from 'ai';
import { ATTR, OpenInferenceSpanKind } from '../vocabulary/semconv';
import { traceTools } from './traced-tools';
import { withTurnContext } from './turn-context';
import { startSpan, type SpanOutcome } from './span-lifecycle';
import { traceLanguageModel, type ModelIdentity, type TraceModelOptions } from './traced-model';
import { appConfig } from '@/lib/config/app-config';

export interface ChatTurnOptions {
  /** Span name, e.g. `chat turn`. */
  name?: string;
  /** The user's last message text (`input.value`). */
  input: string;
  /** The chat id (`session.id`). */
  sessionId: string;
  /** Context of the incoming request; its span becomes a link of the turn span. */
  requestContext?: Context;
  /** AGENT when the turn offers tools, CHAIN (default) when not. */
  kind?: OpenInferenceSpanKind.AGENT | OpenInferenceSpanKind.CHAIN;
  /** `user.id`, `metadata`, `tag.tags`: put in context, so every span of the turn carries them. */
  userId?: string;
  metadata?: Record<string, unknown>;
  tags?: string[];
}

export interface ChatTurn {
  readonly traceId: string;
  readonly spanId: string;
  /** W3C `traceresponse` header value pointing at the turn span. */
  readonly traceResponse: string;
  /** Wraps `model` so each of its calls is an LLM span under this turn. */
  traceModel(model: LanguageModelV4, identity: ModelIdentity, options?: Pick<TraceModelOptions, 'promptTemplates'>): LanguageModelV4;
  /** Wraps `tools` so each execution is a TOOL span under this turn. */
  traceTools<TOOLS extends ToolSet>(tools: TOOLS): TOOLS;
  /** Runs `fn` with the turn span active (for spans of nested code). */
  run<T>(fn: () => T): T;
  /** The text its model calls streamed so far (all steps): the turn's output. */
  output(): string;
  /** Ends the turn once, with its output so far (partial when aborted). */
  end(outcome: SpanOutcome): boolean;
  /** Settles when the turn span has ended, whichever way. */
  readonly ended: Promise<void>;
}

export function startChatTurn(options: ChatTurnOptions): ChatTurn {
  const requestContext = options.requestContext ?? otelContext.active();
  const requestSpan = trace.getSpanContext(requestContext);
  if (appConfig().tracing.mode !== 'openinference') return untracedTurn(requestSpan?.traceId, requestSpan?.spanId);
  const links: Link[] = requestSpan && isSpanContextValid(requestSpan) ? [{ context: requestSpan }] : [];
  const kind = options.kind ?? OpenInferenceSpanKind.CHAIN;
  const span = startSpan({
    name: options.name ?? 'chat turn',
    kind,
    attributes: {
      ...getChainStartAttributes({ input: options.input, sessionId: options.sessionId }),
      ...(kind === OpenInferenceSpanKind.AGENT ? { [ATTR.AGENT_NAME]: options.name ?? 'chat turn' } : {}),
    },
    inherit: withTurnContext(requestContext, options),
    links,
  });
  let markEnded!: () => void;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  // The text chunks of each model call, recorded once by the traced model (not buffered again here).
  const callTexts: (readonly string[])[] = [];
  const output = () => callTexts.map((chunks) => chunks.join('')).join('');
  // Shutdown ends open spans itself: the turn's output then still comes from its model calls.
  span.finalStateOnInterrupt = () => {
    markEnded();
    return { attributes: getChainEndAttributes(output()) };
  };
  return {
    ended,
    traceId: span.traceId,
    spanId: span.spanId,
    traceResponse: `00-${span.traceId}-${span.spanId}-01`,
    traceModel: (model, identity, options) =>
      traceLanguageModel(model, identity, span.context, { ...options, onCallText: (chunks) => callTexts.push(chunks) }),
    traceTools: (tools) => traceTools(tools, span.context),
    run: (fn) => otelContext.with(span.context, fn),
    output,
    // Ends the turn's open LLM and TOOL spans first (same outcome, their own partial state): see span-lifecycle.
    end: (outcome) => {
      const first = span.end(outcome, getChainEndAttributes(output()));
      if (first) markEnded();
      return first;
    },
  };
}

/** A turn without spans of ours (`TRACING_MODE=off` or `peer`): the model is used as it is. */
function untracedTurn(traceId = '0'.repeat(32), spanId = '0'.repeat(16)): ChatTurn {
  let markEnded!: () => void;
  const ended = new Promise<void>((resolve) => (markEnded = resolve));
  let done = false;
  return {
    ended,
    traceId,
    spanId,
    traceResponse: `00-${traceId}-${spanId}-00`,
    traceModel: (model) => model,
    traceTools: (tools) => tools,
    run: (fn) => fn(),
    output: () => '',
    end: () => {
      if (done) return false;
      done = true;
      markEnded();
      return true;
    },
  };
}
