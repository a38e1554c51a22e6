import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_CHECKED_VARIABLE } from './app-config';
import { readConfig } from './read-config';

const root = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) return filesUnder(relative);
    return /\.(ts|tsx|mts|js|mjs)$/.test(name) ? [relative] : [];
  });
}

/** Every variable readConfig looks at, whatever the others say (it reads each one unconditionally). */
function variablesRead(): Set<string> {
  const read = new Set<string>();
  const spy = new Proxy({} as Record<string, string | undefined>, {
    get: (_target, name) => {
      if (typeof name === 'string') read.add(name);
      return undefined;
    },
  });
  readConfig(spy, { userAgent: 'Node.js' });
  return read;
}

/** The variables docs/configuration.md names: the backticked names in the first column of its tables. */
function documentedVariables(): Set<string> {
  const doc = readFileSync(path.join(root, 'docs/configuration.md'), 'utf8');
  const names = new Set<string>();
  for (const line of doc.split('\n')) {
    const firstCell = /^\|([^|]*)\|/.exec(line)?.[1];
    if (!firstCell) continue;
    for (const [, name] of firstCell.matchAll(/`([A-Z_][A-Z0-9_]*)`/g)) names.add(name!);
  }
  return names;
}

describe('the configuration module is the one place that reads the environment', () => {
  it('no file in app/, lib/ (outside lib/config/) or proxy.ts touches process.env', () => {
    const files = [...filesUnder('app'), ...filesUnder('lib'), 'proxy.ts'].filter((file) => !file.startsWith(`lib${path.sep}config${path.sep}`));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files.filter((file) => /process\s*\.\s*env|process\s*\[\s*['"]env['"]\s*\]/.test(readFileSync(path.join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('instrumentation.ts only writes the feedback signing key and the warnings marker, and reads NEXT_RUNTIME', () => {
    const source = readFileSync(path.join(root, 'instrumentation.ts'), 'utf8');
    const uses = [...source.matchAll(/process\.env(\.[A-Z_]+|\[[A-Z_]+\])?/g)].map((match) => match[0]);
    expect(new Set(uses)).toEqual(new Set(['process.env.NEXT_RUNTIME', 'process.env', 'process.env[CONFIG_CHECKED_VARIABLE]']));
  });

  it('every variable docs/configuration.md names is read by lib/config, and every variable it reads is documented', () => {
    const documented = documentedVariables();
    const read = variablesRead();
    read.add(CONFIG_CHECKED_VARIABLE); // read by appConfig(), not readConfig()
    expect(documented.size).toBeGreaterThan(60);
    expect([...documented].filter((name) => !read.has(name)).sort()).toEqual([]);
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });

  it('imports point one way: lib/config imports no other part of the app, lib/tracing never imports the inspector', () => {
    const importsOf = (file: string) => [...readFileSync(path.join(root, file), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]!);
    const configImports = filesUnder('lib/config').flatMap((file) => importsOf(file).filter((target) => target.startsWith('@/') || target.startsWith('../')));
    expect(configImports.filter((target) => !target.startsWith('../app-config') && !target.startsWith('../read-config'))).toEqual([]);
    const tracingImports = filesUnder('lib/tracing').flatMap((file) => importsOf(file).map((target) => `${file} -> ${target}`));
    expect(tracingImports.filter((line) => /inspector/.test(line.split(' -> ')[1]!))).toEqual([]);
  });
});
