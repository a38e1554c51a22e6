'use client';

import { useState } from 'react';
import { suggestFollowUps } from '@/app/actions/suggest-follow-ups';
import type { ChatMessage } from '@/lib/chat/chat-message';
import { TraceChip } from './trace-chip';

type State =
  | { phase: 'idle' }
  | { phase: 'streaming' | 'done'; text: string; traceId: string }
  | { phase: 'error'; message: string };

function textMessages(messages: ChatMessage[]) {
  return messages.flatMap((message) => {
    const text = message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
    return message.role !== 'system' && text ? [{ id: message.id, role: message.role, parts: [{ type: 'text' as const, text }] }] : [];
  });
}

/** "Suggest follow-ups": a streamed completion driven by a server action, traced like a chat turn. */
export function FollowUps({ sessionId, messages, disabled }: { sessionId: string; messages: ChatMessage[]; disabled: boolean }) {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const run = async () => {
    try {
      const result = await suggestFollowUps({ sessionId, messages: textMessages(messages) });
      if (!result.ok) return setState({ phase: 'error', message: result.error.message });
      let text = '';
      setState({ phase: 'streaming', text, traceId: result.traceId });
      const reader = result.stream.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        text += chunk.value;
        setState({ phase: 'streaming', text, traceId: result.traceId });
      }
      setState({ phase: 'done', text, traceId: result.traceId });
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : 'The suggestion failed.' });
    }
  };
  const busy = state.phase === 'streaming';
  return (
    <div className="mb-2">
      <button
        type="button"
        data-testid="suggest-button"
        disabled={disabled || busy}
        onClick={() => void run()}
        className="rounded-full border border-slate-300 bg-white px-3 py-1 text-xs font-medium text-slate-700 shadow-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        {busy ? 'Suggesting…' : 'Suggest follow-ups'}
      </button>
      {state.phase === 'streaming' || state.phase === 'done' ? (
        <div data-testid="suggestions" data-status={state.phase} className="mt-2 rounded-xl border border-indigo-100 bg-indigo-50/60 px-3.5 py-2.5 text-sm">
          <p data-testid="suggestions-text" className="max-h-32 overflow-y-auto whitespace-pre-wrap break-words text-slate-700">
            {state.text}
          </p>
          <div className="mt-1.5 flex items-center gap-2 text-xs text-slate-500">
            <TraceChip traceId={state.traceId} /> <span>server action</span>
            {state.phase === 'done' ? (
              <button type="button" onClick={() => setState({ phase: 'idle' })} className="ml-auto font-medium hover:text-slate-800">
                Close
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
      {state.phase === 'error' ? (
        <p role="alert" data-testid="suggestions-error" className="mt-2 text-sm text-red-700">{state.message}</p>
      ) : null}
    </div>
  );
}
