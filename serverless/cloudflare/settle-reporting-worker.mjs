// Test entry for workerd (wrangler.test.jsonc): the OpenNext worker, unchanged, behind a thin
// wrapper that observes the platform's lifecycle of each request. It hands the worker a ctx whose
// waitUntil is the real one but counted, and once the response body is done (sent or cancelled by
// the client) and every waitUntil promise has settled — the moment Cloudflare may evict the isolate —
// it reports to SETTLE_REPORT_URL. The harness disposes workerd on that report and only then reads
// the receiver. Plain JS: it imports the build output, which does not exist at typecheck time.
import worker from '../../.open-next/worker.js';

export default {
  async fetch(request, env, ctx) {
    const pending = [];
    const tracked = {
      waitUntil(promise) {
        pending.push(Promise.resolve(promise).catch(() => undefined));
        ctx.waitUntil(promise);
      },
      passThroughOnException: () => ctx.passThroughOnException(),
      props: ctx.props,
    };
    const id = request.headers.get('x-settle-id');
    const response = await worker.fetch(request, env, tracked);
    if (!id || !env.SETTLE_REPORT_URL) return response;
    let bodyDone;
    const done = new Promise((resolve) => (bodyDone = resolve));
    // A client that goes away (Stop) aborts request.signal (compatibility flag enable_request_signal).
    request.signal.addEventListener('abort', () => bodyDone('cancelled'));
    const body = response.body ? observeEnd(response.body, bodyDone) : (bodyDone('empty'), null);
    ctx.waitUntil(
      (async () => {
        const end = await done;
        // Work registered while earlier work runs counts too: drain until nothing new was added.
        for (let seen = -1; seen !== pending.length; ) {
          seen = pending.length;
          await Promise.all(pending);
        }
        await fetch(env.SETTLE_REPORT_URL, { method: 'POST', body: JSON.stringify({ id, end, waitUntilCalls: pending.length }) });
      })(),
    );
    return new Response(body, response);
  },
};

function observeEnd(source, onEnd) {
  const reader = source.getReader();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        onEnd('complete');
      } else controller.enqueue(value);
    },
    async cancel(reason) {
      onEnd('cancelled');
      await reader.cancel(reason);
    },
  });
}
