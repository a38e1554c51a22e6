/**
 * The environment the guide's app runs with: this process's, minus any tracing, model or Next
 * setting of the developer's (so nothing leaks in from the shell), plus what the test sets.
 */
const DEVELOPER_SETTINGS = /^(OTEL_|PHOENIX_|TRACE_|TRACING_|OPENINFERENCE_|CHAT_|OPENAI_|RECEIVER_|NEXT_|__NEXT)/;

export function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !DEVELOPER_SETTINGS.test(key)));
  return { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Where the app exports, as a reader configures it: to Phoenix (`PHOENIX_COLLECTOR_ENDPOINT`,
 * `PHOENIX_API_KEY`) with a copy to the receiver (`TRACE_LOCAL_COPY`) when a real Phoenix is there;
 * else to the receiver as if it were Phoenix, with a key (so the key is proven sent).
 */
export function exportEnv(receiverUrl: string, receiverKey: string, phoenix: { url: string } | { skip: string }): Record<string, string> {
  if ('skip' in phoenix) return { PHOENIX_COLLECTOR_ENDPOINT: receiverUrl, PHOENIX_API_KEY: receiverKey };
  const key = process.env.PHOENIX_TEST_API_KEY?.trim();
  return {
    PHOENIX_COLLECTOR_ENDPOINT: phoenix.url,
    ...(key ? { PHOENIX_API_KEY: key } : {}),
    TRACE_LOCAL_COPY: '1',
    TRACE_INSPECTOR_URL: receiverUrl,
    RECEIVER_API_KEY: receiverKey,
  };
}
