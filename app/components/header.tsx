import { RuntimeToggle, type ChatRuntime } from './runtime-toggle';

interface HeaderProps {
  sessionId: string;
  runtime: ChatRuntime;
  onRuntimeChange: (runtime: ChatRuntime) => void;
  onNewChat: () => void;
}

export function Header({ sessionId, runtime, onRuntimeChange, onNewChat }: HeaderProps) {
  return (
    <header className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
      <div className="min-w-0">
        <h1 className="text-base font-semibold tracking-tight">Traced Chat</h1>
        <p className="truncate text-xs text-slate-500">
          Every answer is traced with OpenInference spans ·{' '}
          <span data-testid="session-id" data-session-id={sessionId} title={`Session ${sessionId}`} className="font-mono">
            session {sessionId.slice(0, 8)}
          </span>
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-2">
      <RuntimeToggle runtime={runtime} onChange={onRuntimeChange} />
      <button
        type="button"
        data-testid="new-chat"
        onClick={onNewChat}
        className="shrink-0 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
      >
        New chat
      </button>
      </div>
    </header>
  );
}
