'use client';

import { useState } from 'react';
import { AddToDataset } from './add-to-dataset';

type State = 'idle' | 'sending' | 'recorded' | 'error';

/**
 * Thumbs up/down with an optional comment on one answer. The server records it in Phoenix as an
 * annotation on this answer's turn span (`spanId`), never "the last message". `token` is the answer's
 * signed feedback token: the server accepts the rating only with it, from this browser.
 */
export function FeedbackButtons({ traceId, spanId, token, enabled }: { traceId: string; spanId: string; token?: string; enabled: boolean }) {
  const [rating, setRating] = useState<'up' | 'down'>();
  const [comment, setComment] = useState('');
  const [state, setState] = useState<State>('idle');
  const [message, setMessage] = useState('');

  if (!enabled) {
    return (
      <span data-testid="feedback-status" data-state="disabled" className="text-slate-400" title="Set PHOENIX_COLLECTOR_ENDPOINT to record feedback">
        feedback is not being recorded (no Phoenix configured)
      </span>
    );
  }

  const send = async () => {
    if (!rating) return;
    setState('sending');
    try {
      const response = await fetch('/api/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ traceId, spanId, rating, ...(token ? { token } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) }),
      });
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      setState('recorded');
      setMessage('Thanks — feedback recorded in Phoenix');
    } catch (error) {
      setState('error');
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  const thumb = (value: 'up' | 'down', label: string, icon: string) => (
    <button
      type="button"
      data-testid={`feedback-${value}`}
      aria-label={label}
      aria-pressed={rating === value}
      disabled={state === 'sending' || state === 'recorded'}
      onClick={() => setRating(value)}
      className={`rounded px-1.5 py-0.5 hover:bg-slate-100 disabled:cursor-default ${rating === value ? 'bg-indigo-100 text-indigo-700' : ''}`}
    >
      {icon}
    </button>
  );

  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {thumb('up', 'Good answer', '▲ good')}
      {thumb('down', 'Bad answer', '▼ bad')}
      {rating && state !== 'recorded' ? (
        <>
          <label className="sr-only" htmlFor={`comment-${spanId}`}>
            Comment (optional)
          </label>
          <input
            id={`comment-${spanId}`}
            data-testid="feedback-comment"
            value={comment}
            maxLength={1000}
            onChange={(event) => setComment(event.target.value)}
            placeholder="Comment (optional)"
            className="h-6 w-40 rounded border border-slate-300 px-1.5 text-xs outline-none focus:border-indigo-500"
          />
          <button
            type="button"
            data-testid="feedback-submit"
            disabled={state === 'sending'}
            onClick={() => void send()}
            className="rounded bg-indigo-600 px-2 py-0.5 font-medium text-white hover:bg-indigo-500 disabled:bg-indigo-300"
          >
            {state === 'sending' ? 'Sending…' : 'Send'}
          </button>
        </>
      ) : null}
      {rating === 'down' ? <AddToDataset traceId={traceId} spanId={spanId} comment={comment} token={token} /> : null}
      {state === 'recorded' || state === 'error' ? (
        <span data-testid="feedback-status" data-state={state} role="status" className={state === 'error' ? 'text-red-600' : 'text-emerald-700'}>
          {message}
        </span>
      ) : null}
    </span>
  );
}
