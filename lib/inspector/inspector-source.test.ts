import { describe, expect, it } from 'vitest';
import { inspectorSource, localCopyTracesUrl, phoenixTraceUrl, phoenixUiUrl, sameUrl } from './inspector-source';

describe('inspectorSource', () => {
  it('reads the receiver the app exports to (npm run demo, the e2e tests)', () => {
    const source = inspectorSource({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007/', PHOENIX_COLLECTOR_ENDPOINT: 'http://localhost:6007' });
    expect(source).toEqual({
      receiverUrl: 'http://127.0.0.1:6007',
      configuredUrl: 'http://127.0.0.1:6007',
      export: { url: 'http://localhost:6007/v1/traces', source: 'phoenix-env' },
      localCopy: false,
    });
  });

  it('with Phoenix elsewhere: no local data (it would be stale), the Phoenix UI link instead', () => {
    const source = inspectorSource({ NODE_ENV: 'development', PHOENIX_COLLECTOR_ENDPOINT: 'https://app.phoenix.arize.com/s/me/' });
    expect(source.receiverUrl).toBeUndefined();
    expect(source.configuredUrl).toBe('http://127.0.0.1:6007');
    expect(source.phoenixUrl).toBe('https://app.phoenix.arize.com/s/me');
  });

  it('TRACE_LOCAL_COPY=1 reads the local copy and still links to Phoenix (both)', () => {
    const source = inspectorSource({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', TRACE_LOCAL_COPY: '1', PHOENIX_COLLECTOR_ENDPOINT: 'http://phoenix:6006' });
    expect(source).toMatchObject({ receiverUrl: 'http://127.0.0.1:6007', localCopy: true, phoenixUrl: 'http://phoenix:6006' });
    expect(localCopyTracesUrl({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', TRACE_LOCAL_COPY: '1', PHOENIX_COLLECTOR_ENDPOINT: 'http://phoenix:6006' })).toBe('http://127.0.0.1:6007/v1/traces');
    // No copy of spans that already go there, nor without the flag.
    expect(localCopyTracesUrl({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', TRACE_LOCAL_COPY: '1', PHOENIX_COLLECTOR_ENDPOINT: 'http://127.0.0.1:6007' })).toBeUndefined();
    expect(localCopyTracesUrl({ TRACE_INSPECTOR_URL: 'http://127.0.0.1:6007', PHOENIX_COLLECTOR_ENDPOINT: 'http://phoenix:6006' })).toBeUndefined();
  });

  it('no inspector URL in production; OTEL_* targets are not Phoenix', () => {
    expect(inspectorSource({ NODE_ENV: 'production' })).toEqual({ export: { url: 'http://localhost:6006/v1/traces', source: 'phoenix-default' }, localCopy: false });
    expect(inspectorSource({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', PHOENIX_COLLECTOR_ENDPOINT: 'http://p' }).phoenixUrl).toBeUndefined();
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
