/**
 * Reads what docs/trace-your-own-app.md tells a user to do, from its marker comments, each directly
 * followed by a fenced block:
 * - `<!-- guide:copy exclude="*.test.ts,testing/" -->`: the files and folders (`…/`) to copy; `exclude`
 *   names file patterns (`*` = any characters) and folder names (`name/`) left out;
 * - `<!-- guide:install -->`: the `npm install` line, every `name@version` on it;
 * - `<!-- guide:file <path> -->`: a file the user writes, with exactly that content.
 * Everything the guide test does comes from here, so editing the guide is enough to change the test.
 */
export interface GuidePackage {
  name: string;
  version: string;
}

export interface GuideFile {
  path: string;
  content: string;
}

export interface Guide {
  copy: string[];
  exclude: string[];
  install: GuidePackage[];
  files: GuideFile[];
}

const MARKER = /<!--\s*guide:([a-z]+)([^>]*?)-->/g;
const FENCE = /^\s*```[^\n]*\n([\s\S]*?)\n```/;

export function parseGuide(markdown: string): Guide {
  const guide: Guide = { copy: [], exclude: [], install: [], files: [] };
  for (const match of markdown.matchAll(MARKER)) {
    const [marker, kind, rawArgs] = match;
    const line = markdown.slice(0, match.index).split('\n').length;
    const block = FENCE.exec(markdown.slice(match.index + marker.length))?.[1];
    if (block === undefined) throw new Error(`guide line ${line}: ${marker} is not directly followed by a fenced code block`);
    const args = (rawArgs ?? '').trim();
    switch (kind) {
      case 'copy':
        guide.copy.push(...block.split('\n').map((entry) => entry.trim()).filter((entry) => entry && !entry.startsWith('#')));
        guide.exclude.push(...(/exclude="([^"]*)"/.exec(args)?.[1] ?? '').split(',').map((p) => p.trim()).filter(Boolean));
        break;
      case 'install':
        guide.install.push(...installedPackages(block, line));
        break;
      case 'file':
        if (!args) throw new Error(`guide line ${line}: guide:file needs a path`);
        guide.files.push({ path: args, content: `${block}\n` });
        break;
      default:
        throw new Error(`guide line ${line}: unknown marker guide:${kind}`);
    }
  }
  if (guide.copy.length === 0) throw new Error('the guide has no guide:copy list');
  if (guide.install.length === 0) throw new Error('the guide has no guide:install line');
  for (const path of [...guide.copy, ...guide.files.map((file) => file.path)]) assertRelative(path);
  return guide;
}

function installedPackages(block: string, line: number): GuidePackage[] {
  const words = block.replace(/\\\n/g, ' ').split(/\s+/).filter(Boolean);
  if (words[0] !== 'npm' || !['install', 'i', 'add'].includes(words[1] ?? '')) {
    throw new Error(`guide line ${line}: the guide:install block must be one \`npm install …\` command`);
  }
  return words.slice(2).flatMap((word) => {
    if (word.startsWith('-')) return [];
    const at = word.lastIndexOf('@');
    if (at <= 0) throw new Error(`guide line ${line}: "${word}" has no exact version (name@x.y.z)`);
    return [{ name: word.slice(0, at), version: word.slice(at + 1) }];
  });
}

function assertRelative(path: string): void {
  if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`guide path "${path}" must stay inside the app`);
}

/** True when `relativePath` (inside a copied folder) is left out by one of the guide's `exclude` patterns. */
export function isExcluded(relativePath: string, exclude: readonly string[]): boolean {
  const parts = relativePath.split('/');
  const name = parts.at(-1) ?? '';
  return exclude.some((pattern) => {
    if (pattern.endsWith('/')) return parts.slice(0, -1).includes(pattern.slice(0, -1));
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    return regex.test(name);
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
