/**
 * The tree reads as the architecture only while imports point one way:
 * app/ → lib/chat → lib/tracing, lib/ai; the tracing layers vocabulary ← lifecycle ← export; the
 * receiver is a tool of its own that clients reach through receiver/api.ts. Test files and `testing/`
 * helpers may import anything (a test wires real parts together).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Source area → the areas of ours it may import (besides itself). First matching prefix wins. */
const ALLOWED: [area: string, mayImport: string[]][] = [
  ['lib/config/', []],
  ['lib/secrets/', ['lib/config/']],
  ['lib/tracing/vocabulary/', ['lib/config/']],
  ['lib/tracing/lifecycle/', ['lib/tracing/vocabulary/', 'lib/secrets/', 'lib/config/', 'lib/http/combine-signals.ts']],
  ['lib/tracing/export/', ['lib/tracing/vocabulary/', 'lib/tracing/lifecycle/', 'lib/secrets/', 'lib/config/']],
  ['lib/ai/', ['lib/tracing/vocabulary/', 'lib/http/', 'lib/config/']],
  ['lib/http/', ['lib/secrets/', 'lib/config/']],
  ['lib/feedback/', ['lib/tracing/', 'lib/http/', 'lib/secrets/', 'lib/config/']],
  ['lib/inspector/', ['lib/tracing/', 'lib/http/', 'lib/secrets/', 'lib/config/', 'receiver/api.ts']],
  ['lib/chat/', ['lib/tracing/', 'lib/ai/', 'lib/http/', 'lib/feedback/', 'lib/secrets/', 'lib/config/']],
  ['lib/app/', ['lib/config/', 'package.json']],
  ['app/', ['lib/', 'app/', 'receiver/api.ts', 'package.json']],
  ['proxy.ts', ['lib/']],
  ['instrumentation.ts', ['lib/', 'bench/peer-tracing.ts']],
  ['receiver/', ['lib/config/env-rules.ts']],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const file = path.posix.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path.join(ROOT, file)).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]((?:\.{1,2}\/|@\/)[^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '.json'];

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? specifier.slice(2) : path.posix.join(path.posix.dirname(from), specifier);
  for (const extension of EXTENSIONS) {
    const candidate = path.posix.normalize(base + extension);
    try {
      if (statSync(path.join(ROOT, candidate)).isFile()) return candidate;
    } catch {
      // try the next extension
    }
  }
  return undefined;
}

function isTestCode(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || file.split('/').includes('testing');
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(SPECIFIER)].map((match) => resolveImport(file, match[1]!) ?? `unresolved:${match[1]}`);
}

function violations(): string[] {
  const files = ['app', 'lib', 'receiver'].flatMap(sourceFiles).concat(['proxy.ts', 'instrumentation.ts']);
  const found: string[] = [];
  for (const file of files.filter((f) => !isTestCode(f))) {
    const rule = ALLOWED.find(([area]) => file.startsWith(area));
    if (!rule) {
      found.push(`${file}: no rule for this area`);
      continue;
    }
    const [area, mayImport] = rule;
    for (const target of imports(file)) {
      const ownArea = target.startsWith(area) || (area.endsWith('.ts') && target === area);
      if (ownArea || mayImport.some((allowed) => target.startsWith(allowed))) continue;
      found.push(`${file} -> ${target}`);
    }
  }
  return found;
}

describe('layout', () => {
  it('imports point one way (app → lib/chat → lib/tracing, lib/ai; vocabulary ← lifecycle ← export)', () => {
    expect(violations()).toEqual([]);
  });

  it('resolves every import of ours it checks (a rename cannot hide an edge)', () => {
    const unresolved = ['app', 'lib', 'receiver'].flatMap(sourceFiles).flatMap((file) =>
      imports(file).filter((target) => target.startsWith('unresolved:')).map((target) => `${file}: ${target}`),
    );
    expect(unresolved).toEqual([]);
  });

});
