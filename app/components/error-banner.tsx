/** The request's error, readable: a JSON `{ error: { message } }` body shows just its message. */
export function describeClientError(error: Error): string {
  try {
    const body = JSON.parse(error.message) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // not JSON: the stream's own error text
  }
  return error.message || 'Something went wrong.';
}

export function ErrorBanner({ error, onDismiss, onRetry }: { error: Error; onDismiss: () => void; onRetry: () => void }) {
  return (
    <div
      role="alert"
      data-testid="error-banner"
      className="mb-3 flex items-start gap-3 rounded-xl border border-red-200 bg-red-50 px-3.5 py-2.5 text-sm text-red-800"
    >
      <span aria-hidden className="mt-0.5 font-bold">!</span>
      <p className="min-w-0 flex-1 break-words">{describeClientError(error)}</p>
      <button type="button" onClick={onRetry} className="shrink-0 font-semibold underline-offset-2 hover:underline">
        Retry
      </button>
      <button type="button" onClick={onDismiss} aria-label="Dismiss error" className="shrink-0 font-semibold underline-offset-2 hover:underline">
        Dismiss
      </button>
    </div>
  );
}
