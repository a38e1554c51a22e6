/**
 * Ends a model call whose upstream goes quiet: if no stream part arrives for `stallMs` (before the
 * response starts, or between two parts), the upstream request is aborted and the stream ends with an
 * `error` part carrying a `ModelStallError` — an error, not an abort, so the turn and LLM spans end ERROR with an exception
 * event and the UI shows a readable message. Only time spent waiting on the upstream counts: a slow
 * reader (backpressure) never trips it. Edge-safe.
 */
import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { combineSignals } from '@/lib/http/combine-signals';
import { appConfig, type AppConfig } from '@/lib/config/app-config';

export { DEFAULT_STALL_TIMEOUT_MS } from '@/lib/config/config-defaults';

export class ModelStallError extends Error {
  constructor(readonly stallMs: number) {
    super(`the model sent no data for ${stallMs} ms`);
    this.name = 'ModelStallError';
  }
}

/** `CHAT_STALL_TIMEOUT_MS` (default 60 s), read by lib/config. */
export function stallTimeoutMs(config: Pick<AppConfig, 'chat'> = appConfig()): number {
  return config.chat.stallTimeoutMs;
}

export function withStallTimeout(model: LanguageModelV4, stallMs: number): LanguageModelV4 {
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    doGenerate: (options) => model.doGenerate(options),
    async doStream(options) {
      const upstream = new AbortController();
      const abortSignal = options.abortSignal ? combineSignals([options.abortSignal, upstream.signal]) : upstream.signal;
      const stalled = () => {
        const error = new ModelStallError(stallMs);
        upstream.abort(error);
        return error;
      };
      // One watchdog timer per call, not one per part: each wait on the upstream only notes when it
      // began; the timer, when it fires, compares and re-arms itself for the time that is left.
      const watchdog = createWatchdog(stallMs);
      const result = await new Promise<Awaited<ReturnType<LanguageModelV4['doStream']>>>((resolve, reject) => {
        watchdog.waitFor(() => reject(stalled()));
        Promise.resolve(model.doStream({ ...options, abortSignal }))
          .then(
            (response) => {
              watchdog.received();
              resolve(response);
            },
            (error: unknown) => {
              watchdog.stop();
              reject(error);
            },
          );
      });
      const reader = result.stream.getReader();
      let finished = false;
      // Failures become an `error` part and a clean end (the provider convention): an errored stream
      // would make the AI SDK tear down the client's response instead of sending it the error.
      const fail = (controller: ReadableStreamDefaultController<LanguageModelV4StreamPart>, error: unknown) => {
        if (finished) return;
        finished = true;
        watchdog.stop();
        controller.enqueue({ type: 'error', error });
        controller.close();
      };
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        async pull(controller) {
          watchdog.waitFor(() => {
            const error = stalled();
            fail(controller, error);
            void reader.cancel(error).catch(() => undefined);
          });
          try {
            const { done, value } = await reader.read();
            if (finished) return;
            watchdog.received();
            if (done) {
              finished = true;
              watchdog.stop();
              controller.close();
            } else controller.enqueue(value);
          } catch (error) {
            fail(controller, error);
          }
        },
        cancel(reason) {
          watchdog.stop();
          finished = true;
          return reader.cancel(reason);
        },
      });
      return { ...result, stream };
    },
  };
}

interface Watchdog {
  /** A wait on the upstream begins now; `onStall` runs if it lasts `stallMs`. */
  waitFor(onStall: () => void): void;
  /** The wait is over (a part or the response arrived). */
  received(): void;
  /** The call is over: clears the timer. */
  stop(): void;
}

function createWatchdog(stallMs: number): Watchdog {
  let waitingSince: number | undefined;
  let onStall: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const arm = (ms: number) => (timer = setTimeout(check, Math.max(1, ms)));
  const check = () => {
    timer = undefined;
    if (stopped || waitingSince === undefined) return; // not waiting: the next wait re-arms it
    const waited = Date.now() - waitingSince;
    if (waited < stallMs) return void arm(stallMs - waited);
    stopped = true;
    onStall?.();
  };
  return {
    waitFor(handler) {
      if (stopped) return;
      waitingSince = Date.now();
      onStall = handler;
      if (timer === undefined) arm(stallMs);
    },
    received() {
      waitingSince = undefined;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
