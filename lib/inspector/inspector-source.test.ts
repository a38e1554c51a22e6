import { describe, expect, it } from 'vitest';
import { localCopyTarget, receiverHeaders, sameUrl } from '@/lib/tracing/export/local-copy';
import { inspectorSource, phoenixTraceUrl, phoenixUiUrl, withoutCredentials } from './inspector-source';
import { readConfig } from '@/lib/config/read-config';

describe('inspectorSource', () => {
  it('reads the receiver the app exports to (npm run demo, the e2e tests)', () => {
    const source = inspectorSource(readConfig({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007/', PHOENIX_COLLECTOR_ENDPOINT: 'http://localhost:6007' }));
    expect(source).toEqual({
      receiverUrl: 'http://127.0.0.1:6007',
      configuredUrl: 'http://127.0.0.1:6007',
      export: { url: 'http://localhost:6007/v1/traces', source: 'phoenix-env' },
      localCopy: false,
    });
  });

  it('with Phoenix elsewhere: no local data (it would be stale), the Phoenix UI link instead', () => {
    const source = inspectorSource(readConfig({ NODE_ENV: 'development', PHOENIX_COLLECTOR_ENDPOINT: 'https://app.phoenix.arize.com/s/me/' }));
    expect(source.receiverUrl).toBeUndefined();
    expect(source.configuredUrl).toBe('http://127.0.0.1:6007');
    expect(source.phoenixUrl).toBe('https://app.phoenix.arize.com/s/me');
  });

  it('TRACE_LOCAL_COPY=1 reads the local copy and still links to Phoenix (both)', () => {
    const source = inspectorSource(readConfig({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', TRACE_LOCAL_COPY: '1', PHOENIX_COLLECTOR_ENDPOINT: 'http://phoenix:6006' }));
    expect(source).toMatchObject({ receiverUrl: 'http://127.0.0.1:6007', localCopy: true, phoenixUrl: 'http://phoenix:6006' });
    expect(localCopyTarget(readConfig({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', TRACE_LOCAL_COPY: '1', PHOENIX_COLLECTOR_ENDPOINT: 'http://phoenix:6006' }))?.url).toBe('http://127.0.0.1:6007/v1/traces');
    // No copy of spans that already go there, nor without the flag.
    expect(localCopyTarget(readConfig({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', TRACE_LOCAL_COPY: '1', PHOENIX_COLLECTOR_ENDPOINT: 'http://127.0.0.1:6007' }))?.url).toBeUndefined();
    expect(localCopyTarget(readConfig({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', PHOENIX_COLLECTOR_ENDPOINT: 'http://phoenix:6006' }))?.url).toBeUndefined();
  });

  it('no inspector URL in production; OTEL_* targets are not Phoenix', () => {
    expect(inspectorSource(readConfig({ NODE_ENV: 'production' }))).toEqual({ export: { url: 'http://localhost:6006/v1/traces', source: 'phoenix-default' }, localCopy: false });
    expect(inspectorSource(readConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', PHOENIX_COLLECTOR_ENDPOINT: 'http://p' })).phoenixUrl).toBeUndefined();
  });
});

describe('Phoenix links', () => {
  it('builds the UI base and the trace redirect', () => {
    expect(phoenixUiUrl('http://localhost:6006/v1/traces')).toBe('http://localhost:6006');
    expect(phoenixUiUrl('not a url')).toBeUndefined();
    expect(phoenixTraceUrl('http://localhost:6006', 'ab'.repeat(16))).toBe(`http://localhost:6006/redirects/traces/${'ab'.repeat(16)}`);
  });

  it('sameUrl treats localhost as 127.0.0.1', () => {
    expect(sameUrl('http://localhost:6007/v1/traces', 'http://127.0.0.1:6007/v1/traces/')).toBe(true);
    expect(sameUrl('http://localhost:6006/v1/traces', 'http://127.0.0.1:6007/v1/traces')).toBe(false);
  });
});

describe('no credentials reach the browser', () => {
  it('the Phoenix link loses userinfo, query and fragment', () => {
    expect(phoenixUiUrl('https://user:s3cret-pass@phoenix.example:8443/base/v1/traces?api_key=abc123#x')).toBe('https://phoenix.example:8443/base');
    const source = inspectorSource(readConfig({ PHOENIX_COLLECTOR_ENDPOINT: 'https://me:pw-123456@phoenix.example/?token=abcdef' }));
    expect(source.phoenixUrl).toBe('https://phoenix.example');
    expect(JSON.stringify(source)).not.toMatch(/pw-123456|abcdef|me:/);
    expect(phoenixUiUrl('ftp://phoenix.example')).toBeUndefined();
  });

  it('withoutCredentials', () => {
    expect(withoutCredentials('http://a:b@h:1/p?q=1#f')).toBe('http://h:1/p');
    expect(withoutCredentials('http://127.0.0.1:6007')).toBe('http://127.0.0.1:6007');
    expect(withoutCredentials('nope')).toBe('<invalid url>');
  });
});

describe('receiverHeaders', () => {
  it("sends RECEIVER_API_KEY, else the export's own key when the app exports to that receiver, else nothing", () => {
    expect(receiverHeaders(readConfig({ RECEIVER_API_KEY: 'rk-123456', TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007' }))).toEqual({ authorization: 'Bearer rk-123456' });
    expect(receiverHeaders(readConfig({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', PHOENIX_COLLECTOR_ENDPOINT: 'http://localhost:6007', PHOENIX_API_KEY: 'pk-1' }))).toEqual({ authorization: 'Bearer pk-1' });
    // Phoenix elsewhere: its key is not sent to the receiver.
    expect(receiverHeaders(readConfig({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', PHOENIX_COLLECTOR_ENDPOINT: 'https://phoenix.example', PHOENIX_API_KEY: 'pk-1' }))).toEqual({});
  });
});
