import type { TraceStatus } from '@/lib/inspector/trace-api';

const KIND_STYLES: Record<string, string> = {
  CHAIN: 'bg-sky-100 text-sky-800',
  LLM: 'bg-violet-100 text-violet-800',
  AGENT: 'bg-emerald-100 text-emerald-800',
  TOOL: 'bg-amber-100 text-amber-800',
  RETRIEVER: 'bg-teal-100 text-teal-800',
};

/** The OpenInference span kind, colour-coded. */
export function KindBadge({ kind }: { kind: string }) {
  return (
    <span data-testid="kind-badge" className={`inline-block shrink-0 rounded px-1.5 py-0.5 font-mono text-[10px] font-semibold tracking-wide ${KIND_STYLES[kind] ?? 'bg-slate-100 text-slate-700'}`}>
      {kind}
    </span>
  );
}

const STATUS_STYLES: Record<TraceStatus, string> = {
  ok: 'bg-green-100 text-green-800',
  error: 'bg-red-100 text-red-700',
  unset: 'bg-slate-100 text-slate-600',
};

export function StatusBadge({ status }: { status: TraceStatus }) {
  return (
    <span data-testid="status-badge" data-status={status} className={`inline-block shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium uppercase ${STATUS_STYLES[status]}`}>
      {status}
    </span>
  );
}

export function statusOfCode(code: number): TraceStatus {
  return code === 1 ? 'ok' : code === 2 ? 'error' : 'unset';
}
