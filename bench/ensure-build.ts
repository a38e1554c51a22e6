/**
 * Reuses the production build when it is newer than every app source file; otherwise runs
 * `next build` first (the benchmark must measure the code as it is).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['app', 'lib', 'instrumentation.ts', 'next.config.mjs', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Returns 'reused' or 'built'; throws when the build fails. */
export function ensureBuild(log: (line: string) => void): 'reused' | 'built' {
  const buildId = join('.next', 'BUILD_ID');
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map(newestMtime));
  if (builtAt > changedAt) return 'reused';
  log(builtAt ? '[bench] sources changed since the last build: next build' : '[bench] no build yet: next build');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (${result.status ?? result.signal})`);
  return 'built';
}
