/**
 * Reads `node --cpu-prof` profiles of a `next start` server and tells where its CPU time went, by
 * original source: frames in Next's minified server chunks are mapped back through the chunks'
 * source maps (Node's own `module.SourceMap`), so `lib/tracing/…`, `@opentelemetry/…`,
 * `@vercel/otel` etc. can be told apart. Self time only (a frame's own samples × the sampling
 * interval: CPU time, not wall time), per turn.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FrameCost {
  category: string;
  frame: string;
  /** Self time per turn, µs. */
  us: number;
}

export interface ProfileSummary {
  /** Self time per turn by category, µs. */
  categories: Record<string, number>;
  frames: FrameCost[];
  sampledMs: number;
}

export const TRACING_CATEGORIES = ['our tracing (lib/tracing)', 'OpenTelemetry', '@vercel/otel', 'OpenInference libs', 'Next.js tracer'];

export function categorize(source: string): string {
  if (source.includes('lib/tracing/')) return 'our tracing (lib/tracing)';
  if (source.includes('@opentelemetry/')) return 'OpenTelemetry';
  if (source.includes('@vercel/otel')) return '@vercel/otel';
  if (source.includes('@arizeai/')) return 'OpenInference libs';
  if (source.includes('next/dist/server/lib/trace/')) return 'Next.js tracer';
  if (source.includes('node_modules/next/') || source.includes('next/dist/')) return 'Next.js';
  if (source.includes('node_modules/ai/') || source.includes('@ai-sdk/')) return 'AI SDK';
  if (source.includes('node_modules/react')) return 'React';
  if (source.includes('gpt-tokenizer')) return 'tokenizer';
  if (source.includes('node_modules/zod')) return 'zod';
  if (/(^|\/)(lib|app)\//.test(source)) return 'app code';
  if (source.startsWith('node:') || source === '') return 'Node.js internals';
  return 'other';
}

/**
 * Summarizes the profiles of one server (several files when it forked), counting only samples taken
 * between `window.startUs` and `window.endUs` (CLOCK_MONOTONIC µs, as the profiles' timestamps).
 */
export function summarizeProfiles(files: readonly string[], turns: number, window?: { startUs: number; endUs: number }): ProfileSummary {
  const maps = new Map<string, SourceMap | null>();
  const frames = new Map<string, FrameCost>();
  let sampledUs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const selfUs = new Map<number, number>();
    // Each sample counts as the profile's median sampling interval, not as the time since the one
    // before: on a busy machine the process is descheduled between samples, and those gaps (wall
    // time, not CPU time) would otherwise be charged to whatever frame ran next.
    const interval = medianOf(profile.timeDeltas.filter((delta) => delta > 0));
    let time = profile.startTime;
    profile.samples.forEach((id, index) => {
      time += profile.timeDeltas[index] ?? 0;
      if (window && (time < window.startUs || time > window.endUs)) return;
      selfUs.set(id, (selfUs.get(id) ?? 0) + interval);
      sampledUs += interval;
    });
    for (const [id, us] of selfUs) {
      const node = byId.get(id);
      if (!node) continue;
      const { category, frame } = describe(node.callFrame, maps);
      const key = `${category}\u0000${frame}`;
      const cost = frames.get(key) ?? { category, frame, us: 0 };
      cost.us += us;
      frames.set(key, cost);
    }
  }
  const all = [...frames.values()].map((cost) => ({ ...cost, us: cost.us / turns })).sort((a, b) => b.us - a.us);
  const categories: Record<string, number> = {};
  for (const cost of all) categories[cost.category] = (categories[cost.category] ?? 0) + cost.us;
  return { categories, frames: all, sampledMs: sampledUs / 1000 };
}

function describe(frame: CallFrame, maps: Map<string, SourceMap | null>): { category: string; frame: string } {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return { category: name.startsWith('(') ? name : 'Node.js internals', frame: name };
  const map = sourceMapOf(frame.url, maps);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  const original = entry && 'originalSource' in entry && typeof entry.originalSource === 'string' ? entry : undefined;
  const source = original ? original.originalSource : frame.url;
  const clean = cleanSource(source);
  const line = original ? original.originalLine + 1 : frame.lineNumber + 1;
  const fn = (original && 'name' in original && typeof original.name === 'string' && original.name) || name;
  return { category: categorize(clean), frame: `${fn} (${clean}:${line})` };
}

function sourceMapOf(url: string, maps: Map<string, SourceMap | null>): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: SourceMap | null = null;
  try {
    const path = url.startsWith('file://') ? fileURLToPath(url) : url;
    if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** `node_modules/<pkg>/…` for dependencies, `lib/…`/`app/…` for the app's own sources. */
function cleanSource(source: string): string {
  let path = source.replace(/^file:\/\//, '').replace(/^turbopack:\/\/\/(\[project\]\/)?/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // not URI-encoded
  }
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules);
  return path.replace(/^.*?\/(lib|app|bench)\//, '$1/');
}

function medianOf(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
