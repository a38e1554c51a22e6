/**
 * Removes credentials from text that leaves the server (span exception events and status messages,
 * the UI's error message, HTTP error bodies, logs): the value of every secret this app is configured
 * with, wherever it appears — an upstream may echo the key or header it was sent in its error
 * message — and anything that looks like a bearer token or a provider API key.
 *
 * Configured secrets: the variables in `SECRET_ENV`; every header value of `OTEL_EXPORTER_OTLP_HEADERS`,
 * `OTEL_EXPORTER_OTLP_TRACES_HEADERS` and `PHOENIX_CLIENT_HEADERS`; every header the exporter sends
 * (resolveExportTarget); and the password of any endpoint URL with userinfo. Values shorter than
 * `MIN_SECRET_LENGTH` are not searched for (they would redact ordinary words).
 */
import { parseHeaderList, resolveExportTarget } from '../tracing/export/export-target';

export const SECRET_ENV = [
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'GOOGLE_GENERATIVE_AI_API_KEY',
  'PHOENIX_API_KEY',
  'RECEIVER_API_KEY',
  'TRACE_INSPECTOR_TOKEN',
  'FEEDBACK_SIGNING_KEY',
] as const;
const HEADER_ENV = ['OTEL_EXPORTER_OTLP_HEADERS', 'OTEL_EXPORTER_OTLP_TRACES_HEADERS', 'PHOENIX_CLIENT_HEADERS'] as const;
const URL_ENV = ['PHOENIX_COLLECTOR_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'TRACE_INSPECTOR_URL', 'OPENAI_BASE_URL'] as const;
const PATTERNS = [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, /\bsk-(?:ant-)?[A-Za-z0-9_-]{8,}/g, /\bAIza[0-9A-Za-z_-]{20,}/g];
export const REDACTED = '[REDACTED]';
export const MIN_SECRET_LENGTH = 6;

type Env = Readonly<Record<string, string | undefined>>;

let cache: { env: Env; fingerprint: string; secrets: string[] } | undefined;

/** Every configured secret value, longest first (so that a secret containing another goes whole). */
export function configuredSecrets(env: Env = process.env): string[] {
  const fingerprint = [...SECRET_ENV, ...HEADER_ENV, ...URL_ENV].map((name) => env[name] ?? '').join('\u0000');
  if (cache && cache.env === env && cache.fingerprint === fingerprint) return cache.secrets;
  const found = new Set<string>();
  const add = (value: string | undefined) => {
    const trimmed = value?.trim();
    if (!trimmed || trimmed.length < MIN_SECRET_LENGTH) return;
    // A header value like `Bearer <key>` or `Basic <b64>`: the credential is the secret, the scheme stays readable.
    const credential = /^(?:Bearer|Basic|Token|ApiKey)\s+(\S+)$/i.exec(trimmed)?.[1];
    found.add(credential && credential.length >= MIN_SECRET_LENGTH ? credential : trimmed);
  };
  for (const name of SECRET_ENV) add(env[name]);
  for (const name of HEADER_ENV) for (const value of Object.values(parseHeaderList(env[name]))) add(value);
  for (const value of Object.values(resolveExportTarget(env).headers)) add(value);
  for (const name of URL_ENV) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    try {
      const url = new URL(raw);
      add(decodeURIComponent(url.password));
      add(url.password);
    } catch {
      // not a URL: nothing to take from it
    }
  }
  const secrets = [...found].sort((a, b) => b.length - a.length);
  cache = { env, fingerprint, secrets };
  return secrets;
}

export function redactSecrets(text: string, env: Env = process.env): string {
  let out = text;
  for (const secret of configuredSecrets(env)) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    // Also as it appears URL-encoded (e.g. echoed in a URL or a form body).
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
  }
  for (const pattern of PATTERNS) out = out.replace(pattern, (match, scheme?: string) => (scheme && /^(Bearer|Basic)\s/i.test(match) ? `${scheme} ${REDACTED}` : REDACTED));
  return out;
}

/** A copy of `error` whose message and stack carry no credentials (for `span.recordException`). */
export function redactedError(error: Error): Error {
  const message = redactSecrets(error.message);
  const stack = error.stack === undefined ? undefined : redactSecrets(error.stack);
  if (message === error.message && stack === error.stack) return error;
  const copy = new Error(message);
  copy.name = error.name;
  copy.stack = stack;
  return copy;
}
