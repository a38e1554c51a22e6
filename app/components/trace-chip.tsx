'use client';

import { useEffect, useRef, useState } from 'react';
import { phoenixTraceUrl } from '@/lib/inspector/inspector-source';
import { useInspectorLinks } from './inspector-links';

const LINK_CLASS = 'rounded px-1.5 py-0.5 font-medium text-indigo-600 hover:bg-white focus-visible:outline-2 focus-visible:outline-indigo-500';

/**
 * The answer's trace id: shortened on screen, full in the title and `data-trace-id`, copyable; links
 * to the trace in the local inspector (when it is on) and in Phoenix (when configured), in a new tab
 * so the chat stays.
 */
export function TraceChip({ traceId }: { traceId: string }) {
  const { inspector, phoenixUrl } = useInspectorLinks();
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(traceId);
    } catch {
      const area = Object.assign(document.createElement('textarea'), { value: traceId });
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), 1500);
  };
  return (
    <span className="inline-flex items-center gap-1 rounded-md border border-slate-200 bg-slate-100 py-0.5 pl-2 pr-0.5">
      <span data-testid="trace-id" data-trace-id={traceId} title={`Trace ${traceId}`} className="font-mono text-slate-600">
        trace {traceId.slice(0, 8)}…
      </span>
      <button
        type="button"
        data-testid="copy-trace-id"
        onClick={() => void copy()}
        aria-label={copied ? 'Trace id copied' : 'Copy trace id'}
        className="rounded px-1.5 py-0.5 font-medium text-indigo-600 hover:bg-white focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
      {inspector ? (
        <a data-testid="open-trace" href={`/traces/${traceId}`} target="_blank" rel="noopener" title="Open this trace in the local inspector" className={LINK_CLASS}>
          Inspect
        </a>
      ) : null}
      {phoenixUrl ? (
        <a data-testid="open-phoenix" href={phoenixTraceUrl(phoenixUrl, traceId)} target="_blank" rel="noreferrer" title="Open this trace in Phoenix" className={LINK_CLASS}>
          Phoenix ↗
        </a>
      ) : null}
    </span>
  );
}
