/**
 * Many turns ending at once must not mean one export each: every caller gets a promise that settles
 * once a flush that started *after* its call has finished (so the spans it ended are exported), and
 * all callers within `windowMs` of the first — plus all who call while a flush is in flight — share
 * the same next flush. At most one flush runs at a time.
 */
export function coalesceFlushes(flush: () => Promise<void>, windowMs: number): () => Promise<void> {
  let inFlight: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const run = async (): Promise<void> => {
    await inFlight?.catch(() => undefined); // always yields first, so `next` is set before it is cleared
    if (windowMs > 0) await new Promise((resolve) => setTimeout(resolve, windowMs));
    next = undefined; // who calls from now on needs the flush after this one
    const current = flush();
    inFlight = current;
    try {
      await current;
    } finally {
      if (inFlight === current) inFlight = undefined;
    }
  };
  return () => (next ??= run());
}
