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

interface ErrorBannerProps {
  error: Error;
  onDismiss: () => void;
  /** Omit when the turn cannot be retried. */
  onRetry?: () => void;
}

const action =
  'rounded-md px-2.5 py-1 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-500';

export function ErrorBanner({ error, onDismiss, onRetry }: ErrorBannerProps) {
  return (
    <div
      role="alert"
      data-testid="error-banner"
      className="mb-3 flex flex-col gap-2 rounded-xl border border-red-200 bg-red-50 px-3.5 py-3 text-sm text-red-800 shadow-sm sm:flex-row sm:items-start sm:gap-3"
    >
      <div className="flex min-w-0 flex-1 items-start gap-2.5">
        <svg aria-hidden viewBox="0 0 20 20" className="mt-0.5 h-4 w-4 shrink-0 text-red-500" fill="currentColor">
          <path
            fillRule="evenodd"
            d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-12a.9.9 0 0 1 .9.9v3.6a.9.9 0 0 1-1.8 0V6.9A.9.9 0 0 1 10 6Zm0 8.5a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
            clipRule="evenodd"
          />
        </svg>
        <div className="min-w-0">
          <p className="font-semibold">The answer failed</p>
          <p data-testid="error-message" className="mt-0.5 break-words text-red-700">
            {describeClientError(error)}
          </p>
        </div>
      </div>
      <div className="flex shrink-0 justify-end gap-1.5">
        {onRetry ? (
          <button
            type="button"
            data-testid="retry-button"
            onClick={onRetry}
            aria-label="Retry the last message"
            className={`${action} border border-red-300 bg-white text-red-700 hover:bg-red-100`}
          >
            Retry
          </button>
        ) : null}
        <button
          type="button"
          data-testid="dismiss-error"
          onClick={onDismiss}
          aria-label="Dismiss error"
          className={`${action} text-red-700 hover:bg-red-100`}
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
