// Preloaded into `next start` (node --require) by vercel-function.ts: gives every HTTP request the
// request context a Vercel Node.js function gets, `globalThis[Symbol.for('@next/request-context')]`
// whose get() returns { waitUntil } (Next's after() hands its callbacks to it, see Next's
// server/after/builtin-request-context.js and base-server getWaitUntil). Like the platform, it keeps
// the invocation alive until the response is sent and every waitUntil promise has settled, then
// freezes the process (SIGSTOP) after writing a "settled" line to fd 3, synchronously.
'use strict';
const { AsyncLocalStorage } = require('node:async_hooks');
const fs = require('node:fs');
const http = require('node:http');

const storage = new AsyncLocalStorage();
globalThis[Symbol.for('@next/request-context')] = { get: () => storage.getStore() };

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  if (event !== 'request') return emit.apply(this, arguments);
  const id = request.headers['x-settle-id'];
  const pending = [];
  const context = { waitUntil: (promise) => void pending.push(Promise.resolve(promise).catch(() => undefined)) };
  if (typeof id === 'string') {
    const sent = new Promise((resolve) => response.once('close', resolve));
    void (async () => {
      await sent;
      for (let seen = -1; seen !== pending.length; ) {
        seen = pending.length;
        await Promise.all(pending);
      }
      fs.writeSync(3, `${JSON.stringify({ id, waitUntilCalls: pending.length })}\n`);
      process.kill(process.pid, 'SIGSTOP');
    })();
  }
  return storage.run(context, () => emit.apply(this, arguments));
};
