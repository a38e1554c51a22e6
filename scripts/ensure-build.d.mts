/** Types of `ensure-build.mjs` (plain JavaScript so that `npm run demo` needs no TypeScript loader). */
export function ensureBuild(log?: (line: string) => void, env?: Readonly<Record<string, string | undefined>>): 'reused' | 'built';
