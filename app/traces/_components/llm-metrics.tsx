import { formatMs, type TokenCounts } from '@/lib/inspector/span-view';

/** Token counts and time to first token, called out at the top of an LLM span's panel. */
export function LlmMetrics({ tokens, ttftMs, model }: { tokens: TokenCounts; ttftMs?: number; model?: string }) {
  const cells: { id: string; label: string; value?: number; text?: string }[] = [
    { id: 'token-prompt', label: 'Prompt tokens', value: tokens.prompt },
    { id: 'token-completion', label: 'Completion tokens', value: tokens.completion },
    { id: 'token-total', label: 'Total tokens', value: tokens.total },
    { id: 'ttft', label: 'Time to first token', text: ttftMs === undefined ? undefined : formatMs(ttftMs) },
  ];
  return (
    <div className="space-y-2">
      {model ? (
        <p data-testid="llm-model" className="break-all font-mono text-xs text-slate-600">
          {model}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {cells.map((cell) => (
          <div key={cell.id} className="rounded-lg border border-slate-200 bg-slate-50 px-2.5 py-2">
            <dt className="text-[11px] text-slate-500">{cell.label}</dt>
            <dd data-testid={cell.id} data-value={cell.value ?? ''} className="text-lg font-semibold tabular-nums text-slate-900">
              {cell.value ?? cell.text ?? <span className="text-sm font-normal text-slate-400">not reported</span>}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
