/**
 * Builds the app a guide reader ends up with, in a temporary directory: the fixture (a minimal Next
 * app), exactly the files the guide's copy list names, the files the guide shows, and a
 * `node_modules` holding only the fixture's packages, the guide's install line and what those depend
 * on (hard links into this repo's `node_modules`: no download, and Turbopack accepts them, which it
 * does not for a symlinked `node_modules` outside the project root).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { isExcluded, type Guide } from './parse-guide.ts';

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  version?: string;
}

const readJson = (path: string): PackageJson => JSON.parse(readFileSync(path, 'utf8')) as PackageJson;

export interface PreparedApp {
  dir: string;
  /** Files copied from the repo (relative paths), for the log. */
  copied: string[];
  /** Top-level packages linked into its node_modules. */
  packages: string[];
}

export function prepareApp(repoRoot: string, guide: Guide): PreparedApp {
  checkInstallLine(repoRoot, guide);
  const dir = mkdtempSync(join(tmpdir(), 'guide-test-'));
  cpSync(join(repoRoot, 'guide-test', 'fixture'), dir, { recursive: true });
  const copied: string[] = [];
  for (const entry of guide.copy) {
    const source = join(repoRoot, entry);
    if (!existsSync(source)) throw new Error(`the guide's copy list names ${entry}, which is not in this repo`);
    if (statSync(source).isDirectory()) {
      for (const file of filesUnder(source)) {
        if (isExcluded(file, guide.exclude)) continue;
        copyFile(join(source, file), join(dir, entry, file));
        copied.push(join(entry, file));
      }
    } else {
      copyFile(source, join(dir, entry));
      copied.push(entry);
    }
  }
  for (const file of guide.files) {
    if (existsSync(join(dir, file.path)) && copied.includes(file.path)) {
      throw new Error(`the guide shows ${file.path}, which its copy list also copies`);
    }
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  const manifestPath = join(dir, 'package.json');
  const manifest = readJson(manifestPath);
  manifest.dependencies = { ...manifest.dependencies, ...Object.fromEntries(guide.install.map((p) => [p.name, p.version])) };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const packages = linkNodeModules(repoRoot, dir, Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }));
  return { dir, copied, packages };
}

/** Every version on the guide's install line is this repo's exact pin, and the one installed here. */
function checkInstallLine(repoRoot: string, guide: Guide): void {
  const ours = readJson(join(repoRoot, 'package.json'));
  const pins = { ...ours.devDependencies, ...ours.dependencies };
  const problems: string[] = [];
  for (const { name, version } of guide.install) {
    const installed = join(repoRoot, 'node_modules', name, 'package.json');
    if (pins[name] === undefined) problems.push(`${name} is not a dependency of this repo`);
    else if (pins[name] !== version) problems.push(`${name}@${version}, but package.json pins ${pins[name]}`);
    else if (existsSync(installed) && readJson(installed).version !== version) {
      problems.push(`${name}@${version}, but node_modules has ${readJson(installed).version}`);
    }
  }
  if (problems.length) throw new Error(`the guide's install line is wrong: ${problems.join('; ')}`);
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

function copyFile(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target);
}

/**
 * Links the dependency closure of `roots` (dependencies, optional dependencies that are installed,
 * required peers) from the repo's node_modules: a package the guide forgot is then missing, as it
 * would be in the reader's app.
 */
function linkNodeModules(repoRoot: string, appDir: string, roots: string[]): string[] {
  const top = join(repoRoot, 'node_modules');
  const topLevel = new Set<string>();
  const seen = new Set<string>();
  const queue: { name: string; from: string; required: boolean }[] = roots.map((name) => ({ name, from: repoRoot, required: true }));
  while (queue.length) {
    const { name, from, required } = queue.shift()!;
    const found = resolvePackage(name, from, repoRoot);
    if (!found) {
      if (required) throw new Error(`package ${name} (needed from ${relative(repoRoot, from) || 'the app'}) is not installed in this repo`);
      continue;
    }
    const real = realpathSync(found);
    if (seen.has(real)) continue;
    seen.add(real);
    const rel = relative(top, found).split('/');
    // A top-level package is linked as a whole (its nested node_modules included).
    topLevel.add(rel[0]!.startsWith('@') ? `${rel[0]}/${rel[1]}` : rel[0]!);
    const pkg = readJson(join(found, 'package.json'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: found, required: true });
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) queue.push({ name: dep, from: found, required: false });
    for (const dep of Object.keys(pkg.peerDependencies ?? {})) {
      if (!pkg.peerDependenciesMeta?.[dep]?.optional) queue.push({ name: dep, from: found, required: false });
    }
  }
  for (const name of topLevel) hardLinkCopy(join(top, name), join(appDir, 'node_modules', name));
  return [...topLevel].sort();
}

/** Node's lookup: `<dir>/node_modules/<name>`, from `from` up to the repo root. */
function resolvePackage(name: string, from: string, repoRoot: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === repoRoot || dirname(dir) === dir) return undefined;
  }
}

/** Whether `cp -al` works from the repo to the temp dir (not when they are on different file systems). */
let canLink = true;

/** `cp -al` (hard links: instant, no space); a plain copy where links cannot cross file systems. */
function hardLinkCopy(source: string, target: string): void {
  mkdirSync(dirname(target), { recursive: true });
  if (canLink && spawnSync('cp', ['-al', source, target]).status === 0) return;
  canLink = false;
  cpSync(source, target, { recursive: true, force: true, verbatimSymlinks: true });
}
