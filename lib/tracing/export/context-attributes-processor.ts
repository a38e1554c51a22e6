import { getAttributesFromContext } from '@arizeai/openinference-core';
import type { Attributes, Context } from '@opentelemetry/api';
import { ATTR } from '../vocabulary/semconv';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Puts the OpenInference context attributes (`session.id`, `user.id`, `metadata`, `tag.tags`) of the
 * context a span starts in onto that span — every span, whichever code or tracer creates it.
 */
export class ContextAttributesSpanProcessor implements SpanProcessor {
  /**
   * Contexts are immutable: the LLM and TOOL spans of a turn all start in the same one (the turn
   * span's), so its attributes are read (and the tags parsed) once per turn, not once per span.
   */
  private readonly cache = new WeakMap<Context, Attributes | undefined>();

  onStart(span: Span, parentContext: Context): void {
    let attributes = this.cache.get(parentContext);
    if (attributes === undefined && !this.cache.has(parentContext)) {
      const found = getAttributesFromContext(parentContext);
      attributes = Object.keys(found).length > 0 ? withTagList(found) : undefined;
      this.cache.set(parentContext, attributes);
    }
    if (attributes) span.setAttributes(attributes);
  }
  onEnd(_span: ReadableSpan): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * openinference-core keeps tags in context as a JSON string; the spec (and Phoenix) want `tag.tags`
 * as a string array, as the Python instrumentors write it.
 */
function withTagList(attributes: Attributes): Attributes {
  const tags = attributes[ATTR.TAG_TAGS];
  if (typeof tags !== 'string') return attributes;
  try {
    const parsed: unknown = JSON.parse(tags);
    if (Array.isArray(parsed) && parsed.every((tag) => typeof tag === 'string')) return { ...attributes, [ATTR.TAG_TAGS]: parsed };
  } catch {
    // not JSON: leave it as it is
  }
  return attributes;
}
