/**
 * Removes credentials from text that leaves the server (span exception events, the UI's error
 * message, logs): the configured API keys wherever they appear — an upstream may echo the key it was
 * sent in its error message — and anything that looks like a bearer token or an OpenAI-style key.
 */
const SECRET_ENV = ['OPENAI_API_KEY', 'PHOENIX_API_KEY'] as const;
const PATTERNS = [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, /\bsk-[A-Za-z0-9_-]{8,}/g];
export const REDACTED = '[REDACTED]';

export function redactSecrets(text: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  let out = text;
  for (const name of SECRET_ENV) {
    const secret = env[name]?.trim();
    if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of PATTERNS) out = out.replace(pattern, (match, scheme?: string) => (scheme && !match.startsWith('sk-') ? `${scheme} ${REDACTED}` : REDACTED));
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
