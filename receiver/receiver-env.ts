/**
 * The standalone receiver's settings from the environment (`npm run traces`, `npm run demo`):
 * RECEIVER_PORT (6007; Phoenix's default is 6006), RECEIVER_HOST (127.0.0.1), RECEIVER_API_KEY,
 * RECEIVER_ACCEPT_JSON (on; `0` = protobuf only, like Phoenix), RECEIVER_DATA_DIR (`.traces`;
 * `off` keeps spans in memory only), RECEIVER_SEGMENT_BYTES (4 MiB), RECEIVER_MAX_SEGMENTS (8),
 * RECEIVER_MAX_BYTES (32 MiB), RECEIVER_ALLOWED_HOSTS (comma-separated host names accepted in `Host`
 * besides loopback names and RECEIVER_HOST; `*` = any), RECEIVER_MAX_REQUESTS (1000 export records).
 * A receiver reachable from the network (RECEIVER_HOST not a loopback address) must have
 * RECEIVER_API_KEY: otherwise anyone who can reach it reads every prompt and answer, so it refuses
 * to start.
 */
import path from 'node:path';
import type { ReceiverOptions } from './http/receiver-server.ts';
import { SEGMENT_DEFAULTS } from './store/segment-log.ts';
import { DEFAULT_MAX_REQUESTS } from './store/span-store.ts';

export const DEFAULT_RECEIVER_PORT = 6007;

export function receiverOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, cwd: string): ReceiverOptions {
  const dataDir = env.RECEIVER_DATA_DIR?.trim() || '.traces';
  const host = env.RECEIVER_HOST?.trim() || '127.0.0.1';
  const apiKey = env.RECEIVER_API_KEY?.trim() || undefined;
  if (!apiKey && !isLoopbackBind(host)) {
    throw new Error(`RECEIVER_HOST=${host} makes the receiver reachable from the network: set RECEIVER_API_KEY (the app sends it as PHOENIX_API_KEY and RECEIVER_API_KEY)`);
  }
  const allowedHosts = (env.RECEIVER_ALLOWED_HOSTS ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  return {
    port: whole(env.RECEIVER_PORT, DEFAULT_RECEIVER_PORT, 0),
    host,
    apiKey,
    ...(allowedHosts.length ? { allowedHosts } : {}),
    maxRequests: whole(env.RECEIVER_MAX_REQUESTS, DEFAULT_MAX_REQUESTS, 1),
    acceptJson: !['0', 'false', 'off'].includes((env.RECEIVER_ACCEPT_JSON ?? '').trim().toLowerCase()),
    ...(dataDir.toLowerCase() === 'off' ? {} : { dataDir: path.resolve(cwd, dataDir) }),
    retention: {
      maxSegmentBytes: whole(env.RECEIVER_SEGMENT_BYTES, SEGMENT_DEFAULTS.maxSegmentBytes, 1),
      maxSegments: whole(env.RECEIVER_MAX_SEGMENTS, SEGMENT_DEFAULTS.maxSegments, 1),
      maxTotalBytes: whole(env.RECEIVER_MAX_BYTES, SEGMENT_DEFAULTS.maxTotalBytes, 1),
    },
  };
}

function isLoopbackBind(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

function whole(value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new Error(`expected an integer >= ${min}, got "${value}"`);
  return parsed;
}
