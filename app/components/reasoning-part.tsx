/**
 * A model's reasoning (thinking), shown collapsed above its answer: a native disclosure, so it is
 * keyboard-accessible and needs no client state. Open while the model is still thinking.
 */
export function ReasoningPart({ text, thinking }: { text: string; thinking: boolean }) {
  if (text === '') return null;
  return (
    <details data-testid="assistant-reasoning" open={thinking || undefined} className="group mb-2 rounded-lg border border-slate-200 bg-slate-50 text-sm text-slate-600">
      <summary data-testid="assistant-reasoning-toggle" className="cursor-pointer select-none px-2.5 py-1 text-xs font-medium text-slate-500 hover:text-slate-700">
        {thinking ? 'Thinking…' : 'Reasoning'}
        <span className="ml-1 text-slate-400 group-open:hidden">(show)</span>
        <span className="ml-1 hidden text-slate-400 group-open:inline">(hide)</span>
      </summary>
      <div data-testid="assistant-reasoning-text" className="whitespace-pre-wrap break-words border-t border-slate-200 px-2.5 py-1.5 italic">
        {text}
      </div>
    </details>
  );
}
