/**
 * The standalone receiver's settings from the environment (`npm run traces`, `npm run demo`):
 * RECEIVER_PORT (6007; Phoenix's default is 6006), RECEIVER_HOST (127.0.0.1), RECEIVER_API_KEY,
 * RECEIVER_ACCEPT_JSON (on; off = protobuf only, like Phoenix), RECEIVER_DATA_DIR (`.traces`;
 * `off` keeps spans in memory only), RECEIVER_SEGMENT_BYTES (4 MiB), RECEIVER_MAX_SEGMENTS (8),
 * RECEIVER_MAX_BYTES (32 MiB), RECEIVER_ALLOWED_HOSTS (comma-separated host names accepted in `Host`
 * besides loopback names and RECEIVER_HOST; `*` = any), RECEIVER_MAX_REQUESTS (1000 export records).
 * Each is read by the app's rule for its kind (lib/config/env-rules.ts: booleans 1/true/yes/on and
 * 0/false/no/off, whole numbers in decimal digits); unlike the app, the receiver does not fall back:
 * an invalid value stops it at start with the rule's message.
 * A receiver reachable from the network (RECEIVER_HOST not a loopback address) must have
 * RECEIVER_API_KEY: otherwise anyone who can reach it reads every prompt and answer, so it refuses
 * to start.
 */
import path from 'node:path';
import { describeProblem, rawValue, readBoolean, readInteger, readList, readSecret, type Env, type Reading } from '../lib/config/env-rules.ts';
import type { ReceiverOptions } from './http/receiver-server.ts';
import { SEGMENT_DEFAULTS } from './store/segment-log.ts';
import { DEFAULT_MAX_REQUESTS } from './store/span-store.ts';

export const DEFAULT_RECEIVER_PORT = 6007;

export function receiverOptionsFromEnv(env: Env, cwd: string): ReceiverOptions {
  const strict = <T>(reading: Reading<T>): T => {
    if (reading.problem) throw new Error(describeProblem({ ...reading.problem, using: 'nothing: the receiver does not start' }));
    return reading.value;
  };
  const whole = (name: string, fallback: number, min: number) => strict(readInteger(env, name, fallback, { min }));
  const dataDir = rawValue(env, 'RECEIVER_DATA_DIR') ?? '.traces';
  const host = rawValue(env, 'RECEIVER_HOST') ?? '127.0.0.1';
  const apiKey = strict(readSecret(env, 'RECEIVER_API_KEY'));
  if (!apiKey && !isLoopbackBind(host)) {
    throw new Error(`RECEIVER_HOST=${host} makes the receiver reachable from the network: set RECEIVER_API_KEY (the app sends it as PHOENIX_API_KEY and RECEIVER_API_KEY)`);
  }
  const allowedHosts = readList(env, 'RECEIVER_ALLOWED_HOSTS').value;
  return {
    port: whole('RECEIVER_PORT', DEFAULT_RECEIVER_PORT, 0),
    host,
    apiKey,
    ...(allowedHosts.length ? { allowedHosts } : {}),
    maxRequests: whole('RECEIVER_MAX_REQUESTS', DEFAULT_MAX_REQUESTS, 1),
    acceptJson: strict(readBoolean(env, 'RECEIVER_ACCEPT_JSON', true)),
    ...(dataDir.toLowerCase() === 'off' ? {} : { dataDir: path.resolve(cwd, dataDir) }),
    retention: {
      maxSegmentBytes: whole('RECEIVER_SEGMENT_BYTES', SEGMENT_DEFAULTS.maxSegmentBytes, 1),
      maxSegments: whole('RECEIVER_MAX_SEGMENTS', SEGMENT_DEFAULTS.maxSegments, 1),
      maxTotalBytes: whole('RECEIVER_MAX_BYTES', SEGMENT_DEFAULTS.maxTotalBytes, 1),
    },
  };
}

function isLoopbackBind(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}
