/**
 * The process's configuration: `appConfig()` reads `process.env` once (on first use) with
 * `readConfig`, and prints one `[config]` warning per invalid value, once per process. This is the
 * only module that reads `process.env` (besides instrumentation.ts, which writes the feedback
 * signing key and `CONFIG_CHECKED_VARIABLE` into it before Next's edge sandbox copies it).
 *
 * Kept on `globalThis`: Next bundles instrumentation.ts and each route separately, so a module-level
 * variable would be read (and warned about) once per bundle. Works on the edge runtime (no `node:`
 * imports) and in server actions.
 */
import type { AppConfig } from './config-types';
import { describeProblem, type EnvProblem } from './env-rules';
import { readConfig } from './read-config';

export type { AppConfig } from './config-types';
export { readConfig } from './read-config';

/**
 * Set to `1` by instrumentation.ts on the Node runtime once the start-up warnings are printed: the
 * edge sandbox, which starts with a copy of the environment, then does not print them a second time.
 */
export const CONFIG_CHECKED_VARIABLE = 'TRACED_CHAT_CONFIG_CHECKED';

const CONFIG = Symbol.for('traced-chat.app-config');
const WARNED = Symbol.for('traced-chat.app-config-warned');
type Holder = { [CONFIG]?: AppConfig; [WARNED]?: Set<string> };
const holder = globalThis as Holder;

export function appConfig(): AppConfig {
  const cached = holder[CONFIG];
  if (cached) return cached;
  // NEXT_RUNTIME and NODE_ENV as Next inlines them into each bundle.
  const env = typeof process === 'undefined' ? {} : { ...process.env, NEXT_RUNTIME: process.env.NEXT_RUNTIME, NODE_ENV: process.env.NODE_ENV };
  const config = readConfig(env);
  holder[CONFIG] = config;
  if ((env as Record<string, string | undefined>)[CONFIG_CHECKED_VARIABLE] !== '1') warnConfigProblems(config.problems);
  return config;
}

/** Forgets the cached configuration, so that the next `appConfig()` reads `process.env` again (tests). */
export function resetAppConfig(): void {
  delete holder[CONFIG];
}

/** One `[config]` warning per problem, never twice in a process. Returns the lines printed. */
export function warnConfigProblems(problems: readonly EnvProblem[], warn: (line: string) => void = console.warn): string[] {
  const warned = (holder[WARNED] ??= new Set());
  const printed: string[] = [];
  for (const problem of problems) {
    const line = `[config] ${describeProblem(problem)}`;
    if (warned.has(line)) continue;
    warned.add(line);
    printed.push(line);
    warn(line);
  }
  return printed;
}
