/** The defaults of docs/configuration.md, one place (the modules that use them re-export theirs from here). */
export const DEFAULT_TURN_TIMEOUT_MS = 120_000;
export const DEFAULT_STALL_TIMEOUT_MS = 60_000;
/** Retries of a failed model call (429, 5xx) by the AI SDK, with backoff (2 s, 4 s, …). */
export const DEFAULT_MODEL_MAX_RETRIES = 2;
export const DEFAULT_OFFLINE_DELAY_MS = 25;

export const DEFAULT_PROJECT_NAME = 'traced-chat';
export const DEFAULT_SERVICE_NAME = 'traced-chat';
export const DEFAULT_FEEDBACK_DATASET = 'traced-chat-thumbs-down';
/** Phoenix's own dataset-name rule (letters, digits, space, `_ . : -`). */
export const DATASET_NAME_PATTERN = /^[\p{L}\p{N} _.:-]{1,200}$/u;
export const DEFAULT_INSPECTOR_URL = 'http://127.0.0.1:6007';

/** Default bound of one export request (the OTLP default is 10 s; a chat never waits for it either way). */
export const DEFAULT_EXPORT_TIMEOUT_MS = 10_000;
export const DEFAULT_BATCH = { scheduledDelayMillis: 5000, exportTimeoutMillis: 10_000, maxQueueSize: 2048, maxExportBatchSize: 512 } as const;
export const DEFAULT_RETRY = { maxQueueSpans: 2048, maxAgeMs: 5 * 60_000, maxBackoffMs: 30_000 } as const;
export const DEFAULT_FLUSH_WINDOW_MS = 50;
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** See lib/tracing/vocabulary/attribute-budget.ts for why 1024 (the SDK's default is 128). */
export const SPAN_ATTRIBUTE_COUNT_LIMIT = 1024;
/** Longest attribute value exported (characters), so one huge message cannot make an oversized export. */
export const DEFAULT_ATTRIBUTE_VALUE_LENGTH_LIMIT = 64 * 1024;
export const DEFAULT_BASE64_IMAGE_MAX_LENGTH = 32_000;

export const MIN_SIGNING_KEY_LENGTH = 32;
export const MIN_INSPECTOR_TOKEN_LENGTH = 16;
