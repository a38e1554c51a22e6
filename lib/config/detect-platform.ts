/**
 * Where the app runs, as far as flushing is concerned: on these platforms the function (or its CPU)
 * may be frozen as soon as the response has been sent, so spans still waiting in the batch queue
 * would be exported late or never. Detected from the environment variables each platform sets in
 * its runtime. A long-running server (`next start` on a VM or container, Render, Fly, …) is none of them.
 */
export type FreezingPlatform =
  | 'vercel'
  | 'aws-lambda'
  | 'netlify'
  | 'cloud-run'
  | 'google-cloud-functions'
  | 'azure-functions'
  | 'cloudflare-workers';

import type { Env } from './env-rules';

const set = (env: Env, name: string) => (env[name] ?? '').trim() !== '';

/**
 * The platform that may freeze this process after a response, or undefined on a long-running server.
 * Cloudflare Workers set no environment variable of their own; workerd names itself in
 * `navigator.userAgent` (Node says `Node.js/…`).
 */
export function freezingPlatform(
  env: Env,
  userAgent: string | undefined = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent,
): FreezingPlatform | undefined {
  if (userAgent === 'Cloudflare-Workers' || set(env, 'CF_PAGES')) return 'cloudflare-workers';
  if (set(env, 'VERCEL') || set(env, 'VERCEL_ENV')) return 'vercel';
  // Netlify Functions run on AWS Lambda: check Netlify first so it is named as such.
  if (set(env, 'NETLIFY') || set(env, 'NETLIFY_IMAGES_CDN_DOMAIN')) return 'netlify';
  if (set(env, 'AWS_LAMBDA_FUNCTION_NAME') || (env.AWS_EXECUTION_ENV ?? '').startsWith('AWS_Lambda')) return 'aws-lambda';
  if (set(env, 'FUNCTION_TARGET') || set(env, 'FUNCTION_NAME')) return 'google-cloud-functions';
  // Cloud Run services and jobs (K_SERVICE also marks Cloud Functions gen2, which run on Cloud Run).
  if (set(env, 'K_SERVICE') || set(env, 'CLOUD_RUN_JOB')) return 'cloud-run';
  if (set(env, 'FUNCTIONS_WORKER_RUNTIME') || set(env, 'AZURE_FUNCTIONS_ENVIRONMENT')) return 'azure-functions';
  return undefined;
}
