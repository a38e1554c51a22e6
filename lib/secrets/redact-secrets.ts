/**
 * Removes credentials from text that leaves the server (span exception events and status messages,
 * the UI's error message, HTTP error bodies, logs): the value of every secret this app is configured
 * with, wherever it appears — an upstream may echo the key or header it was sent in its error
 * message — and anything that looks like a bearer token or a provider API key.
 *
 * Configured secrets (lib/config collects them, `config.secrets`): the API keys, tokens and signing
 * key, every header value of `OTEL_EXPORTER_OTLP_HEADERS`, `OTEL_EXPORTER_OTLP_TRACES_HEADERS` and
 * `PHOENIX_CLIENT_HEADERS` (so every header the exporter may send), and the password
 * of any endpoint URL with userinfo. Values shorter than `MIN_SECRET_LENGTH` are not searched for
 * (they would redact ordinary words).
 */
import type { AppConfig } from '@/lib/config/config-types';
import { appConfig } from '@/lib/config/app-config';

const PATTERNS = [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, /\bsk-(?:ant-)?[A-Za-z0-9_-]{8,}/g, /\bAIza[0-9A-Za-z_-]{20,}/g];
export const REDACTED = '[REDACTED]';
export const MIN_SECRET_LENGTH = 6;

type SecretSource = Pick<AppConfig, 'secrets'>;

const cache = new WeakMap<SecretSource, string[]>();

/** Every configured secret value, longest first (so that a secret containing another goes whole). */
export function configuredSecrets(config: SecretSource = appConfig()): string[] {
  const cached = cache.get(config);
  if (cached) return cached;
  const found = new Set<string>();
  const add = (value: string | undefined) => {
    const trimmed = value?.trim();
    if (!trimmed || trimmed.length < MIN_SECRET_LENGTH) return;
    // A header value like `Bearer <key>` or `Basic <b64>`: the credential is the secret, the scheme stays readable.
    const credential = /^(?:Bearer|Basic|Token|ApiKey)\s+(\S+)$/i.exec(trimmed)?.[1];
    found.add(credential && credential.length >= MIN_SECRET_LENGTH ? credential : trimmed);
  };
  for (const value of config.secrets.values) add(value);
  for (const raw of config.secrets.urls) {
    try {
      const url = new URL(raw);
      add(decodeURIComponent(url.password));
      add(url.password);
    } catch {
      // not a URL: nothing to take from it
    }
  }
  const secrets = [...found].sort((a, b) => b.length - a.length);
  cache.set(config, secrets);
  return secrets;
}

export function redactSecrets(text: string, config: SecretSource = appConfig()): string {
  let out = text;
  for (const secret of configuredSecrets(config)) {
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
