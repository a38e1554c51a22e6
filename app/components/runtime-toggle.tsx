export type ChatRuntime = 'nodejs' | 'edge';

/** The chat route for each runtime: both run the same traced code path. */
export const CHAT_API: Record<ChatRuntime, string> = { nodejs: '/api/chat', edge: '/api/chat/edge' };

const OPTIONS: { value: ChatRuntime; label: string }[] = [
  { value: 'nodejs', label: 'Node' },
  { value: 'edge', label: 'Edge' },
];

export function RuntimeToggle({ runtime, onChange }: { runtime: ChatRuntime; onChange: (runtime: ChatRuntime) => void }) {
  return (
    <div role="group" aria-label="Server runtime" className="flex rounded-lg border border-slate-300 bg-white p-0.5 text-xs shadow-sm">
      {OPTIONS.map((option) => (
        <button
          key={option.value}
          type="button"
          data-testid={`runtime-${option.value}`}
          aria-pressed={runtime === option.value}
          title={`Send turns to the ${option.label} runtime route`}
          onClick={() => onChange(option.value)}
          className={`rounded-md px-2 py-1 font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
            runtime === option.value ? 'bg-indigo-600 text-white' : 'text-slate-600 hover:bg-slate-100'
          }`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
