import { describe, expect, it } from 'vitest';
import { isSecureRequest } from './secure-request';
import { readConfig } from '@/lib/config/read-config';

const headers = (proto?: string) => new Headers(proto === undefined ? {} : { 'x-forwarded-proto': proto });

describe('isSecureRequest', () => {
  it('ignores X-Forwarded-Proto unless TRUST_PROXY says a proxy sets it', () => {
    expect(isSecureRequest(headers('https'), readConfig({}))).toBe(false);
    expect(isSecureRequest(headers('https'), readConfig({ TRUST_PROXY: '0' }))).toBe(false);
    expect(isSecureRequest(headers(), readConfig({ __NEXT_EXPERIMENTAL_HTTPS: '1' }))).toBe(true);
  });

  it('with TRUST_PROXY=1 follows the proxy (the last value), also on Vercel by default', () => {
    expect(isSecureRequest(headers('https'), readConfig({ TRUST_PROXY: '1' }))).toBe(true);
    expect(isSecureRequest(headers('http'), readConfig({ TRUST_PROXY: 'true' }))).toBe(false);
    expect(isSecureRequest(headers('https, http'), readConfig({ TRUST_PROXY: '1' }))).toBe(false);
    expect(isSecureRequest(headers('http, https'), readConfig({ TRUST_PROXY: '1' }))).toBe(true);
    expect(isSecureRequest(headers(), readConfig({ TRUST_PROXY: '1' }))).toBe(false);
    expect(readConfig({ VERCEL: '1' }).http.trustProxy).toBe(true);
    expect(readConfig({ VERCEL: '1', TRUST_PROXY: '0' }).http.trustProxy).toBe(false);
  });
});
