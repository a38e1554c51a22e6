#!/usr/bin/env node
// Runs the benchmark (bench/main.ts) with Node's own TypeScript type stripping. The project's modules
// import each other without extensions and through the `@/` alias (as tsc, Next and vitest want);
// this resolve hook lets native ESM load them too. Usage: node scripts/bench.mjs [--smoke] [--out dir].
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url);

registerHooks({
  resolve(specifier, context, nextResolve) {
    const target = specifier.startsWith('@/') ? new URL(specifier.slice(2), root).href : specifier;
    try {
      return nextResolve(target, context);
    } catch (error) {
      const local = /^(\.\.?\/|file:)/.test(target) && !/\.[cm]?[jt]sx?$/.test(target);
      if (local && error?.code === 'ERR_MODULE_NOT_FOUND') return nextResolve(`${target}.ts`, context);
      // Subpaths of packages without an `exports` map (`next/server`), as bundlers resolve them.
      if (!local && error?.code === 'ERR_MODULE_NOT_FOUND' && !/\.[cm]?js$/.test(target)) return nextResolve(`${target}.js`, context);
      throw error;
    }
  },
  // `import pkg from '../package.json'` (as the bundler allows) without `with { type: 'json' }`.
  load(url, context, nextLoad) {
    if (url.endsWith('.json') && !context.importAttributes?.type) return nextLoad(url, { ...context, importAttributes: { type: 'json' } });
    return nextLoad(url, context);
  },
});

const entry = process.env.BENCH_ENTRY ?? 'bench/main.ts';
await import(pathToFileURL(new URL(entry, root).pathname).href);
