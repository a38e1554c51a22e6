/**
 * What Phoenix derived from our spans, asked through its GraphQL API: a trace with its spans, token
 * counts, costs and annotations; a project's sessions; the price table Phoenix computes cost from.
 */
import { phoenixGraphql, phoenixRest } from './phoenix-api';

export interface Cost {
  tokens: number | null;
  cost: number | null;
}
export interface CostEntry {
  tokenType: string;
  isPrompt: boolean;
  value: Cost;
}
export interface GqlSpan {
  spanId: string;
  parentId: string | null;
  name: string;
  /** Lower case here: `agent`, `llm`, `tool`, `chain`. */
  spanKind: string;
  statusCode: string;
  statusMessage: string;
  tokenCountTotal: number | null;
  tokenCountPrompt: number | null;
  tokenCountCompletion: number | null;
  input: { value: string } | null;
  output: { value: string } | null;
  costSummary: { prompt: Cost; completion: Cost; total: Cost } | null;
  costDetailSummaryEntries: CostEntry[];
  events: { name: string; message: string }[];
  spanAnnotations: { name: string; annotatorKind: string; label: string | null; score: number | null; explanation: string | null }[];
  /** JSON of the span's attributes, nested. */
  attributes: string;
}
export interface GqlSession {
  sessionId: string;
  numTraces: number;
  numTracesWithError: number;
  userId: string | null;
  tokenUsage: { prompt: number; completion: number; total: number };
  firstInput: { value: string } | null;
  lastOutput: { value: string } | null;
  costSummary: { total: Cost };
}
export interface GqlTrace {
  traceId: string;
  numSpans: number;
  rootSpan: { spanId: string; spanKind: string } | null;
  session: GqlSession | null;
  costSummary: { prompt: Cost; completion: Cost; total: Cost };
  spans: { edges: { node: GqlSpan }[] };
}

const COST = 'tokens cost';
const SESSION = `sessionId numTraces numTracesWithError userId tokenUsage { prompt completion total } firstInput { value } lastOutput { value } costSummary { total { ${COST} } }`;
const SPAN = `spanId parentId name spanKind statusCode statusMessage tokenCountTotal tokenCountPrompt tokenCountCompletion
  input { value } output { value } attributes
  costSummary { prompt { ${COST} } completion { ${COST} } total { ${COST} } }
  costDetailSummaryEntries { tokenType isPrompt value { ${COST} } }
  events { name message }
  spanAnnotations { name annotatorKind label score explanation }`;

/** The trace as Phoenix's GraphQL API shows it (`undefined` while Phoenix has not stored it). */
export async function phoenixTrace(project: string, traceId: string): Promise<GqlTrace | undefined> {
  const data = await phoenixGraphql<{ getProjectByName: { trace: GqlTrace | null } | null }>(
    `query ($project: String!, $traceId: ID!) { getProjectByName(name: $project) { trace(traceId: $traceId) {
      traceId numSpans rootSpan { spanId spanKind } session { ${SESSION} }
      costSummary { prompt { ${COST} } completion { ${COST} } total { ${COST} } }
      spans(first: 100) { edges { node { ${SPAN} } } } } } }`,
    { project, traceId },
  );
  return data.getProjectByName?.trace ?? undefined;
}

export function spansOf(trace: GqlTrace): GqlSpan[] {
  return trace.spans.edges.map((e) => e.node);
}

export interface GqlProject {
  traceCount: number;
  costSummary: { total: Cost };
  sessions: { edges: { node: GqlSession }[] };
}

export async function phoenixProject(project: string): Promise<GqlProject | undefined> {
  const data = await phoenixGraphql<{ getProjectByName: GqlProject | null }>(
    `query ($project: String!) { getProjectByName(name: $project) {
      traceCount costSummary { total { ${COST} } } sessions(first: 100) { edges { node { ${SESSION} } } } } }`,
    { project },
  );
  return data.getProjectByName ?? undefined;
}

export async function phoenixSession(project: string, sessionId: string): Promise<GqlSession | undefined> {
  return (await phoenixProject(project))?.sessions.edges.map((e) => e.node).find((s) => s.sessionId === sessionId);
}

export interface TokenPrice {
  tokenType: string;
  costPerToken: number;
  kind: 'PROMPT' | 'COMPLETION';
}

/** Phoenix's own price table entry for `modelName` (the model it computes cost with). */
export async function phoenixModelPrices(modelName: string): Promise<TokenPrice[]> {
  const data = await phoenixGraphql<{ generativeModels: { edges: { node: { name: string; namePattern: string; tokenPrices: TokenPrice[] } }[] } }>(
    `{ generativeModels(first: 5000) { edges { node { name namePattern tokenPrices { tokenType costPerToken kind } } } } }`,
  );
  const models = data.generativeModels.edges.map((e) => e.node);
  const model = models.find((m) => m.name === modelName) ?? models.find((m) => new RegExp(`^(?:${m.namePattern})$`, 'i').test(modelName));
  if (!model) throw new Error(`Phoenix has no price for ${modelName}`);
  return model.tokenPrices;
}

/** Phoenix's REST view of a span's annotations. */
export interface RestAnnotation {
  span_id: string;
  name: string;
  annotator_kind: string;
  result: { label: string | null; score: number | null; explanation: string | null };
  metadata: Record<string, unknown>;
}

export async function phoenixSpanAnnotations(project: string, spanIds: string[]): Promise<RestAnnotation[]> {
  const params = new URLSearchParams();
  for (const id of spanIds) params.append('span_ids', id);
  const body = await phoenixRest<{ data: RestAnnotation[] }>(`/v1/projects/${encodeURIComponent(project)}/span_annotations?${params}`);
  return body.data;
}

/** Phoenix's REST view of a project's sessions. */
export async function phoenixRestSessions(project: string): Promise<unknown[]> {
  const body = await phoenixRest<{ data: unknown[] }>(`/v1/projects/${encodeURIComponent(project)}/sessions`);
  return body.data;
}
