import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiverOptionsFromEnv } from './receiver-env.ts';

describe('receiverOptionsFromEnv', () => {
  it('defaults: port 6007 on loopback, JSON accepted, spans kept under ./.traces with bounded segments', () => {
    expect(receiverOptionsFromEnv({}, '/app')).toEqual({
      port: 6007,
      host: '127.0.0.1',
      apiKey: undefined,
      acceptJson: true,
      maxRequests: 1000,
      dataDir: path.resolve('/app', '.traces'),
      retention: { maxSegmentBytes: 4 * 1024 * 1024, maxSegments: 8, maxTotalBytes: 32 * 1024 * 1024 },
    });
  });

  it('reads every variable; RECEIVER_DATA_DIR=off keeps nothing on disk', () => {
    const options = receiverOptionsFromEnv(
      { RECEIVER_PORT: '0', RECEIVER_API_KEY: 'k', RECEIVER_ACCEPT_JSON: '0', RECEIVER_DATA_DIR: 'off', RECEIVER_SEGMENT_BYTES: '100', RECEIVER_MAX_SEGMENTS: '3', RECEIVER_MAX_BYTES: '1000' },
      '/app',
    );
    expect(options).toMatchObject({ port: 0, apiKey: 'k', acceptJson: false, retention: { maxSegmentBytes: 100, maxSegments: 3, maxTotalBytes: 1000 } });
    expect(options.dataDir).toBeUndefined();
    expect(receiverOptionsFromEnv({ RECEIVER_DATA_DIR: '/var/traces' }, '/app').dataDir).toBe('/var/traces');
  });

  it('RECEIVER_ALLOWED_HOSTS and RECEIVER_MAX_REQUESTS; a network-facing receiver must have a key', () => {
    expect(receiverOptionsFromEnv({ RECEIVER_ALLOWED_HOSTS: ' receiver, traces.internal ,', RECEIVER_MAX_REQUESTS: '5' }, '/app')).toMatchObject({
      allowedHosts: ['receiver', 'traces.internal'],
      maxRequests: 5,
    });
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'receiver']) {
      expect(() => receiverOptionsFromEnv({ RECEIVER_HOST: host }, '/app'), host).toThrow(/RECEIVER_API_KEY/);
      expect(receiverOptionsFromEnv({ RECEIVER_HOST: host, RECEIVER_API_KEY: 'k'.repeat(20) }, '/app').host).toBe(host);
    }
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]']) expect(receiverOptionsFromEnv({ RECEIVER_HOST: host }, '/app').host).toBe(host);
  });

  it('refuses bounds that are not positive integers, naming the variable and the value', () => {
    expect(() => receiverOptionsFromEnv({ RECEIVER_MAX_SEGMENTS: '0' }, '/app')).toThrow('RECEIVER_MAX_SEGMENTS="0" is invalid: expected a whole number >= 1');
    expect(() => receiverOptionsFromEnv({ RECEIVER_SEGMENT_BYTES: '1.5' }, '/app')).toThrow(/RECEIVER_SEGMENT_BYTES="1.5".*whole number/);
    expect(() => receiverOptionsFromEnv({ RECEIVER_PORT: 'http' }, '/app')).toThrow(/RECEIVER_PORT/);
  });

  it('RECEIVER_ACCEPT_JSON follows the app\'s boolean rule; anything else stops the receiver', () => {
    for (const off of ['0', 'false', 'no', 'OFF']) expect(receiverOptionsFromEnv({ RECEIVER_ACCEPT_JSON: off }, '/app').acceptJson, off).toBe(false);
    for (const on of ['1', 'true', 'yes', 'on', '']) expect(receiverOptionsFromEnv({ RECEIVER_ACCEPT_JSON: on }, '/app').acceptJson, on).toBe(true);
    expect(() => receiverOptionsFromEnv({ RECEIVER_ACCEPT_JSON: 'json' }, '/app')).toThrow(/RECEIVER_ACCEPT_JSON="json" is invalid: expected one of 1, true, yes, on/);
  });
});
