/**
 * One rule per kind of environment value, shared by the app (`read-config.ts`) and the standalone
 * receiver (`receiver/receiver-env.ts`). No imports: Node's type stripping runs it as it is.
 *
 * Every rule trims the raw value; an empty or blank value counts as unset (the fallback, no problem).
 * A value the rule cannot read gives the fallback and a problem naming the variable, what was
 * expected and what is used instead, with the raw value unless the variable holds a secret.
 * - boolean: `1`, `true`, `yes`, `on` / `0`, `false`, `no`, `off` (any case); anything else is invalid.
 * - integer / duration (ms): decimal digits only (`5000`; not `5e3`, `5000.0`, `-1`), within [min, max].
 * - number: a finite decimal number within [min, max].
 * - url: an absolute `http:` or `https:` URL.
 * - oneOf: one of the listed values (any case; returned lowercase).
 * - list: comma-separated, entries trimmed, empty entries dropped (never invalid).
 * - headers: comma-separated `key=value` (values URL-decoded, keys lowercase); a malformed entry is
 *   dropped, the others kept. Values are never echoed (they are credentials).
 * - secret: any non-blank string of at least `minLength` characters; never echoed.
 * - text: any non-blank string (optionally checked by a pattern).
 */
export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvProblem {
  variable: string;
  /** What the rule accepts, e.g. "a whole number of milliseconds >= 0". */
  expected: string;
  /** What is used instead, e.g. "5000" or "the default (off)". */
  using: string;
  /** The raw value; absent for secrets. */
  raw?: string;
}

export interface Reading<T> {
  value: T;
  problem?: EnvProblem;
}

export const BOOLEAN_ON: readonly string[] = ['1', 'true', 'yes', 'on'];
export const BOOLEAN_OFF: readonly string[] = ['0', 'false', 'no', 'off'];

/** The trimmed value, or undefined when unset or blank. */
export function rawValue(env: Env, name: string): string | undefined {
  const trimmed = env[name]?.trim();
  return trimmed ? trimmed : undefined;
}

/** The first of `names` that is set (not blank), else the first name: for `A ?? B` precedence. */
export function firstSet(env: Env, names: readonly string[]): string {
  return names.find((name) => rawValue(env, name) !== undefined) ?? names[0]!;
}

export function parseBoolean(value: string): boolean | undefined {
  const lower = value.trim().toLowerCase();
  if (BOOLEAN_ON.includes(lower)) return true;
  if (BOOLEAN_OFF.includes(lower)) return false;
  return undefined;
}

export function readBoolean<F extends boolean | undefined>(env: Env, name: string, fallback: F, using = describe(fallback)): Reading<boolean | F> {
  const raw = rawValue(env, name);
  if (raw === undefined) return { value: fallback };
  const parsed = parseBoolean(raw);
  if (parsed !== undefined) return { value: parsed };
  return invalid(name, raw, fallback, 'one of 1, true, yes, on / 0, false, no, off', using);
}

export interface IntegerBounds {
  min?: number;
  max?: number;
}

export function readInteger(env: Env, name: string, fallback: number, bounds: IntegerBounds = {}, unit = ''): Reading<number> {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = bounds;
  const raw = rawValue(env, name);
  if (raw === undefined) return { value: fallback };
  const parsed = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return { value: parsed };
  const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `from ${min} to ${max}`;
  return invalid(name, raw, fallback, `a whole number${unit} ${range}`, String(fallback));
}

/** A duration in whole milliseconds. */
export function readDurationMs(env: Env, name: string, fallback: number, bounds: IntegerBounds = {}): Reading<number> {
  return readInteger(env, name, fallback, bounds, ' of milliseconds');
}

export function readNumber(env: Env, name: string, fallback: number, bounds: IntegerBounds = {}): Reading<number> {
  const { min = -Infinity, max = Infinity } = bounds;
  const raw = rawValue(env, name);
  if (raw === undefined) return { value: fallback };
  const parsed = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw) ? Number(raw) : NaN;
  if (Number.isFinite(parsed) && parsed >= min && parsed <= max) return { value: parsed };
  return invalid(name, raw, fallback, `a number from ${min} to ${max}`, String(fallback));
}

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value.trim());
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function readUrl<F extends string | undefined>(env: Env, name: string, fallback: F, using = describe(fallback)): Reading<string | F> {
  const raw = rawValue(env, name);
  if (raw === undefined) return { value: fallback };
  if (isHttpUrl(raw)) return { value: raw };
  // An unparseable URL may still carry `user:password@`: never echo that part.
  return invalid(name, raw.replace(/\/\/[^/@\s]*@/, '//…@'), fallback, 'an http:// or https:// URL', using);
}

export function readOneOf<T extends string, F extends T | undefined>(env: Env, name: string, values: readonly T[], fallback: F, using = describe(fallback)): Reading<T | F> {
  const raw = rawValue(env, name);
  if (raw === undefined) return { value: fallback };
  const lower = raw.toLowerCase();
  if ((values as readonly string[]).includes(lower)) return { value: lower as T };
  return invalid(name, raw, fallback, `one of ${values.join(', ')}`, using);
}

export function readList(env: Env, name: string): Reading<string[]> {
  return { value: (env[name] ?? '').split(',').map((entry) => entry.trim()).filter(Boolean) };
}

/** `key1=value1,key2=value2` (the OTel header list; values URL-encoded). */
export function readHeaders(env: Env, name: string): Reading<Record<string, string>> {
  const headers: Record<string, string> = {};
  const malformed: string[] = [];
  for (const entry of readList(env, name).value) {
    const eq = entry.indexOf('=');
    if (eq <= 0) {
      malformed.push(`"${entry.split('=')[0]!.slice(0, 40)}"`);
      continue;
    }
    headers[entry.slice(0, eq).trim().toLowerCase()] = safeDecode(entry.slice(eq + 1).trim());
  }
  if (malformed.length === 0) return { value: headers };
  return {
    value: headers,
    problem: { variable: name, expected: `key=value entries separated by commas (malformed: ${malformed.join(', ')})`, using: 'the well-formed entries only' },
  };
}

export function readSecret(env: Env, name: string, options: { minLength?: number; using?: string } = {}): Reading<string | undefined> {
  const raw = rawValue(env, name);
  if (raw === undefined) return { value: undefined };
  const minLength = options.minLength ?? 1;
  if (raw.length >= minLength) return { value: raw };
  return { value: undefined, problem: { variable: name, expected: `at least ${minLength} characters (got ${raw.length})`, using: options.using ?? 'none' } };
}

export function readText<F extends string | undefined>(
  env: Env,
  name: string,
  fallback: F,
  check?: { pattern: RegExp; expected: string },
): Reading<string | F> {
  const raw = rawValue(env, name);
  if (raw === undefined) return { value: fallback };
  if (!check || check.pattern.test(raw)) return { value: raw };
  return invalid(name, raw, fallback, check.expected, describe(fallback));
}

/** One line for a start-up warning. */
export function describeProblem(problem: EnvProblem): string {
  const value = problem.raw === undefined ? `${problem.variable} (value not shown)` : `${problem.variable}=${JSON.stringify(problem.raw)}`;
  return `${value} is invalid: expected ${problem.expected}; using ${problem.using}.`;
}

function invalid<T>(variable: string, raw: string, fallback: T, expected: string, using: string): Reading<T> {
  return { value: fallback, problem: { variable, expected, using, raw: raw.length > 200 ? `${raw.slice(0, 200)}…` : raw } };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (as if unset)';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  return String(value);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
