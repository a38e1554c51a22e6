'use client';

import { useEffect, useRef, useState } from 'react';

/** The answer's trace id: shortened on screen, full in the title and `data-trace-id`, copyable. */
export function TraceChip({ traceId }: { traceId: string }) {
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
    </span>
  );
}
