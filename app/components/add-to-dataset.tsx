'use client';

import { useState } from 'react';

type State = 'idle' | 'sending' | 'added' | 'error';

/**
 * "Add to dataset": one click puts a thumbs-down answer, with its comment, into the Phoenix
 * regression dataset. The server reads the conversation and the answer from Phoenix; this sends only
 * the ids, the answer's feedback token and the comment.
 */
export function AddToDataset({ traceId, spanId, comment, token }: { traceId: string; spanId: string; comment: string; token?: string }) {
  const [state, setState] = useState<State>('idle');
  const [message, setMessage] = useState('');
  if (!token) return null;

  const add = async () => {
    setState('sending');
    try {
      const response = await fetch('/api/feedback/dataset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ traceId, spanId, token, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
      });
      const body = (await response.json().catch(() => ({}))) as { dataset?: string; created?: boolean; updated?: boolean; error?: { message?: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      setState('added');
      setMessage(body.created ? `Added to dataset "${body.dataset}"` : `Already in dataset "${body.dataset}"${body.updated ? ' (updated)' : ''}`);
    } catch (error) {
      setState('error');
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <span className="inline-flex items-center gap-1">
      <button
        type="button"
        data-testid="add-to-dataset"
        disabled={state === 'sending' || state === 'added'}
        onClick={() => void add()}
        title="Add this answer, the conversation before it and your comment to a Phoenix dataset, as a regression example"
        className="rounded border border-slate-300 px-2 py-0.5 font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-default disabled:opacity-60"
      >
        {state === 'sending' ? 'Adding…' : state === 'added' ? 'In dataset' : '+ dataset'}
      </button>
      {state === 'added' || state === 'error' ? (
        <span data-testid="dataset-status" data-state={state} role="status" className={state === 'error' ? 'text-red-600' : 'text-emerald-700'}>
          {message}
        </span>
      ) : null}
    </span>
  );
}
