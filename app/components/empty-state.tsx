const EXAMPLES = [
  { hint: 'A normal answer', prompt: 'What does this app trace?' },
  { hint: 'Slow — try Stop', prompt: '/slow Tell me a long story' },
  { hint: 'A failed turn', prompt: '/fail Show me an error trace' },
];

/** The intro shown before the first message, with example prompts that send themselves. */
export function EmptyState({ onPick }: { onPick: (prompt: string) => void }) {
  return (
    <div className="mx-auto max-w-md pt-8 text-center sm:pt-14">
      <div aria-hidden className="mx-auto mb-5 flex h-12 w-12 items-center justify-center rounded-2xl bg-indigo-50 ring-1 ring-indigo-100">
        <svg viewBox="0 0 24 24" className="h-6 w-6 text-indigo-600" fill="currentColor">
          <rect x="3" y="5" width="14" height="3" rx="1.5" />
          <rect x="6" y="10.5" width="15" height="3" rx="1.5" opacity="0.75" />
          <rect x="9" y="16" width="8" height="3" rx="1.5" opacity="0.5" />
        </svg>
      </div>
      <h2 className="text-lg font-semibold tracking-tight">Chat, then look at the trace</h2>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        Each answer is one CHAIN span with an LLM span inside — model, prompt, output and token counts, set when the
        stream closes. The trace id appears under every answer.
      </p>
      <p className="mt-6 text-xs font-medium uppercase tracking-wide text-slate-400">Try one</p>
      <ul className="mt-2 flex flex-wrap justify-center gap-2">
        {EXAMPLES.map((example) => (
          <li key={example.prompt}>
            <button
              type="button"
              data-testid="example-prompt"
              onClick={() => onPick(example.prompt)}
              title={example.hint}
              aria-label={`Send “${example.prompt}” (${example.hint.toLowerCase()})`}
              className="rounded-full border border-slate-300 bg-white px-3.5 py-1.5 text-sm text-slate-700 shadow-sm transition-colors hover:border-indigo-300 hover:bg-indigo-50 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
            >
              {example.prompt}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
