/**
 * The standalone receiver's settings from the environment (`npm run traces`, `npm run demo`):
 * RECEIVER_PORT (6007; Phoenix's default is 6006), RECEIVER_HOST (127.0.0.1), RECEIVER_API_KEY,
 * RECEIVER_ACCEPT_JSON (on; `0` = protobuf only, like Phoenix), RECEIVER_DATA_DIR (`.traces`;
 * `off` keeps spans in memory only), RECEIVER_SEGMENT_BYTES (4 MiB), RECEIVER_MAX_SEGMENTS (8),
 * RECEIVER_MAX_BYTES (32 MiB).
 */
import path from 'node:path';
import type { ReceiverOptions } from './receiver-server';
import { SEGMENT_DEFAULTS } from './segment-log';

export const DEFAULT_RECEIVER_PORT = 6007;

export function receiverOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, cwd: string): ReceiverOptions {
  const dataDir = env.RECEIVER_DATA_DIR?.trim() || '.traces';
  return {
    port: whole(env.RECEIVER_PORT, DEFAULT_RECEIVER_PORT, 0),
    host: env.RECEIVER_HOST?.trim() || '127.0.0.1',
    apiKey: env.RECEIVER_API_KEY || undefined,
    acceptJson: !['0', 'false', 'off'].includes((env.RECEIVER_ACCEPT_JSON ?? '').trim().toLowerCase()),
    ...(dataDir.toLowerCase() === 'off' ? {} : { dataDir: path.resolve(cwd, dataDir) }),
    retention: {
      maxSegmentBytes: whole(env.RECEIVER_SEGMENT_BYTES, SEGMENT_DEFAULTS.maxSegmentBytes, 1),
      maxSegments: whole(env.RECEIVER_MAX_SEGMENTS, SEGMENT_DEFAULTS.maxSegments, 1),
      maxTotalBytes: whole(env.RECEIVER_MAX_BYTES, SEGMENT_DEFAULTS.maxTotalBytes, 1),
    },
  };
}

function whole(value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new Error(`expected an integer >= ${min}, got "${value}"`);
  return parsed;
}
