const EXAMPLES = [
  { label: 'What does this app trace?', prompt: 'What does this app trace?' },
  { label: '/slow Tell me a long story', prompt: '/slow Tell me a long story' },
  { label: '/fail Show me an error trace', prompt: '/fail Show me an error trace' },
];

export function EmptyState({ onPick }: { onPick: (prompt: string) => void }) {
  return (
    <div className="mx-auto max-w-md pt-10 text-center">
      <div className="mx-auto mb-4 flex h-11 w-11 items-center justify-center rounded-2xl bg-indigo-100 text-lg text-indigo-700">⌁</div>
      <h2 className="text-lg font-semibold">Chat, then look at the trace</h2>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        Each answer is one CHAIN span with an LLM span inside — model, prompt, output and token counts, set when the
        stream closes. The trace id appears under every answer.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        {EXAMPLES.map((example) => (
          <button
            key={example.prompt}
            type="button"
            onClick={() => onPick(example.prompt)}
            className="rounded-full border border-slate-300 bg-white px-3.5 py-1.5 text-sm text-slate-700 shadow-sm hover:border-indigo-300 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            {example.label}
          </button>
        ))}
      </div>
    </div>
  );
}
