/**
 * The same response, whose body calls `onCancel` when its reader cancels it — what Next does when the
 * client disconnects (`pipeToNodeResponse` aborts its pipe). A signal of its own for "the client went
 * away" that does not depend on `request.signal`, which on the edge runtime can fail to fire.
 */
export function abortOnCancel(response: Response, onCancel: (reason: unknown) => void): Response {
  const body = response.body;
  if (!body) return response;
  const reader = body.getReader();
  const wrapped = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        onCancel(reason);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(wrapped, { status: response.status, statusText: response.statusText, headers: response.headers });
}
