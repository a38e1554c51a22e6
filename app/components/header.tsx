import { RuntimeToggle, type ChatRuntime } from './runtime-toggle';

interface HeaderProps {
  sessionId: string;
  runtime: ChatRuntime;
  onRuntimeChange: (runtime: ChatRuntime) => void;
  onNewChat: () => void;
}

/** A small "span waterfall" mark: three staggered bars, like a trace view. */
function LogoMark() {
  return (
    <span aria-hidden className="flex h-7 w-7 shrink-0 items-center justify-center rounded-lg bg-indigo-600 shadow-sm">
      <svg viewBox="0 0 16 16" className="h-4 w-4 text-white" fill="currentColor">
        <rect x="2" y="3" width="10" height="2" rx="1" />
        <rect x="4" y="7" width="10" height="2" rx="1" opacity="0.8" />
        <rect x="6" y="11" width="6" height="2" rx="1" opacity="0.6" />
      </svg>
    </span>
  );
}

/**
 * Title, subtitle, session id and the session controls. On narrow screens the subtitle and session
 * id take their own full-width row under the title and controls, so nothing is truncated.
 */
export function Header({ sessionId, runtime, onRuntimeChange, onNewChat }: HeaderProps) {
  return (
    <header className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-2 gap-y-1.5 border-b border-slate-200 px-4 py-3">
      <h1 className="col-start-1 row-start-1 flex min-w-0 items-center gap-2 text-base sm:gap-2.5 font-semibold tracking-tight">
        <LogoMark />
        <span className="truncate">Traced Chat</span>
      </h1>
      <div className="col-start-2 row-start-1 flex items-center gap-2 sm:row-span-2">
        <RuntimeToggle runtime={runtime} onChange={onRuntimeChange} />
        <button
          type="button"
          data-testid="new-chat"
          onClick={onNewChat}
          aria-label="Start a new chat"
          className="inline-flex shrink-0 items-center gap-1.5 rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 sm:px-3 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          <svg aria-hidden viewBox="0 0 16 16" className="hidden h-3.5 w-3.5 sm:block" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M8 3v10M3 8h10" />
          </svg>
          New chat
        </button>
      </div>
      <p className="col-span-2 row-start-2 flex min-w-0 flex-wrap items-center gap-x-2 gap-y-0.5 text-xs text-slate-500 sm:col-span-1 sm:pl-[38px]">
        <span>Every answer is traced with OpenInference spans</span>
        <span aria-hidden className="hidden text-slate-300 sm:inline">
          ·
        </span>
        <span
          data-testid="session-id"
          data-session-id={sessionId}
          title={`Session ${sessionId}`}
          className="font-mono text-[11px] text-slate-400"
        >
          session {sessionId.slice(0, 8)}
        </span>
      </p>
    </header>
  );
}
