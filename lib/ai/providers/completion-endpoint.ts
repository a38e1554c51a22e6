import type { ModelEndpoint } from '@/lib/tracing/vocabulary/model-identity';

/** Query parameters that may carry a credential (`?key=` is how Google's REST API takes a key). */
const SECRET_PARAM = /key|token|secret|signature|^sig$|password|auth/i;

/**
 * The endpoint `baseURL` + `/` + `path` (+ `query`), as the provider builds it, for `url.full` /
 * `url.path`. Credentials never reach a span: user info in the URL and credential-like query
 * parameters are dropped.
 */
export function completionEndpoint(baseURL: string, path: string, query?: Record<string, string>): ModelEndpoint {
  const base = baseURL.replace(/\/+$/, '');
  let full = `${base}/${path}`;
  try {
    const url = new URL(full);
    url.username = '';
    url.password = '';
    for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
    for (const name of [...url.searchParams.keys()]) if (SECRET_PARAM.test(name)) url.searchParams.delete(name);
    full = url.toString();
  } catch {
    // Not a URL: the provider will fail the call itself; record what it was given.
  }
  return { full, path };
}
