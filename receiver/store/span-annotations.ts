/**
 * Phoenix-compatible span annotations (`POST /v1/span_annotations`): the body's validation and the
 * annotation records the receiver keeps. Body: `{"data":[{"span_id","name","annotator_kind",
 * "result"?:{"label"?,"score"?,"explanation"?},"metadata"?,"identifier"?}]}`. Like Phoenix, an
 * annotation is identified by (span_id, name, identifier): posting the same triple again updates it
 * and keeps its id.
 */
export const ANNOTATOR_KINDS = ['HUMAN', 'LLM', 'CODE'] as const;
export type AnnotatorKind = (typeof ANNOTATOR_KINDS)[number];

export interface SpanAnnotationInput {
  span_id: string;
  name: string;
  annotator_kind: AnnotatorKind;
  result?: { label?: string; score?: number; explanation?: string };
  metadata?: Record<string, unknown>;
  identifier?: string;
}

export interface SpanAnnotation extends SpanAnnotationInput {
  id: string;
  /** ISO time of the last write. */
  updated_at: string;
}

/** Thrown for a body that does not follow the contract; the receiver answers 422. */
export class AnnotationBodyError extends Error {}

export function parseAnnotationBody(text: string): SpanAnnotationInput[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AnnotationBodyError('body is not valid JSON');
  }
  if (!isObject(body) || !Array.isArray(body.data)) throw new AnnotationBodyError('body must be {"data": [annotation, …]}');
  if (body.data.length === 0) throw new AnnotationBodyError('data must hold at least one annotation');
  return body.data.map((item, index) => parseOne(item, `data[${index}]`));
}

function parseOne(item: unknown, at: string): SpanAnnotationInput {
  if (!isObject(item)) throw new AnnotationBodyError(`${at} must be an object`);
  const { span_id, name, annotator_kind, result, metadata, identifier } = item;
  if (typeof span_id !== 'string' || !/^[0-9a-f]{16}$/.test(span_id)) throw new AnnotationBodyError(`${at}.span_id must be 16 lowercase hex digits`);
  if (typeof name !== 'string' || name.trim() === '') throw new AnnotationBodyError(`${at}.name must be a non-empty string`);
  if (typeof annotator_kind !== 'string' || !(ANNOTATOR_KINDS as readonly string[]).includes(annotator_kind)) {
    throw new AnnotationBodyError(`${at}.annotator_kind must be one of ${ANNOTATOR_KINDS.join(', ')}`);
  }
  const parsed: SpanAnnotationInput = { span_id, name, annotator_kind: annotator_kind as AnnotatorKind };
  if (result !== undefined && result !== null) parsed.result = parseResult(result, `${at}.result`);
  if (metadata !== undefined && metadata !== null) {
    if (!isObject(metadata)) throw new AnnotationBodyError(`${at}.metadata must be an object`);
    parsed.metadata = metadata;
  }
  if (identifier !== undefined && identifier !== null) {
    if (typeof identifier !== 'string') throw new AnnotationBodyError(`${at}.identifier must be a string`);
    parsed.identifier = identifier;
  }
  return parsed;
}

function parseResult(result: unknown, at: string): NonNullable<SpanAnnotationInput['result']> {
  if (!isObject(result)) throw new AnnotationBodyError(`${at} must be an object`);
  const parsed: NonNullable<SpanAnnotationInput['result']> = {};
  const { label, score, explanation } = result;
  if (label !== undefined && label !== null) {
    if (typeof label !== 'string') throw new AnnotationBodyError(`${at}.label must be a string`);
    parsed.label = label;
  }
  if (score !== undefined && score !== null) {
    if (typeof score !== 'number' || !Number.isFinite(score)) throw new AnnotationBodyError(`${at}.score must be a finite number`);
    parsed.score = score;
  }
  if (explanation !== undefined && explanation !== null) {
    if (typeof explanation !== 'string') throw new AnnotationBodyError(`${at}.explanation must be a string`);
    parsed.explanation = explanation;
  }
  return parsed;
}

/** The key under which an annotation is updated rather than added. */
export function annotationKey(annotation: Pick<SpanAnnotationInput, 'span_id' | 'name' | 'identifier'>): string {
  return JSON.stringify([annotation.span_id, annotation.name, annotation.identifier ?? '']);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
