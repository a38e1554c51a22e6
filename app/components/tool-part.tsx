import type { ChatMessage } from '@/lib/chat/chat-message';

type Part = ChatMessage['parts'][number];
export type ToolPart = Extract<Part, { type: `tool-${string}` }>;

export function isToolPart(part: Part): part is ToolPart {
  return part.type.startsWith('tool-');
}

const STATE_LABEL: Record<string, string> = {
  'input-streaming': 'calling…',
  'input-available': 'running…',
  'output-available': 'done',
  'output-error': 'failed',
};

/** A tool call and its result, as its own part of the answer. */
export function ToolCallPart({ part }: { part: ToolPart }) {
  const name = part.type.slice('tool-'.length);
  const failed = part.state === 'output-error';
  return (
    <div
      data-testid="tool-call"
      data-tool-name={name}
      data-state={part.state}
      className={`my-1.5 w-fit max-w-full rounded-xl border px-3 py-2 font-mono text-xs ${failed ? 'border-red-200 bg-red-50' : 'border-slate-200 bg-slate-50'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span aria-hidden className="text-slate-500">⚙</span>
        <span className="font-semibold text-slate-700">{name}</span>
        <span data-testid="tool-input" className="break-all text-slate-600">
          {part.input === undefined ? '' : JSON.stringify(part.input)}
        </span>
        <span className={`rounded px-1.5 py-0.5 font-sans text-[11px] ${failed ? 'bg-red-100 text-red-700' : 'bg-slate-200 text-slate-600'}`}>
          {STATE_LABEL[part.state] ?? part.state}
        </span>
      </div>
      {part.state === 'output-available' ? (
        <div data-testid="tool-output" className="mt-1 break-all text-emerald-700">
          → {JSON.stringify(part.output)}
        </div>
      ) : null}
      {failed ? (
        <div data-testid="tool-error" className="mt-1 break-all text-red-700">
          {part.errorText}
        </div>
      ) : null}
    </div>
  );
}
