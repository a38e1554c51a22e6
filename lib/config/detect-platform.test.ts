import { describe, expect, it } from 'vitest';
import { freezingPlatform } from './detect-platform';

describe('freezingPlatform', () => {
  it('names the platforms that may freeze the function after the response, from their runtime env', () => {
    expect(freezingPlatform({ VERCEL: '1' })).toBe('vercel');
    expect(freezingPlatform({ AWS_LAMBDA_FUNCTION_NAME: 'chat' })).toBe('aws-lambda');
    expect(freezingPlatform({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' })).toBe('aws-lambda');
    expect(freezingPlatform({ NETLIFY: 'true', AWS_LAMBDA_FUNCTION_NAME: 'x' })).toBe('netlify');
    expect(freezingPlatform({ K_SERVICE: 'chat' })).toBe('cloud-run');
    expect(freezingPlatform({ FUNCTION_TARGET: 'chat' })).toBe('google-cloud-functions');
    expect(freezingPlatform({ FUNCTIONS_WORKER_RUNTIME: 'node' })).toBe('azure-functions');
    expect(freezingPlatform({}, 'Cloudflare-Workers')).toBe('cloudflare-workers');
    expect(freezingPlatform({ CF_PAGES: '1' }, undefined)).toBe('cloudflare-workers');
  });

  it('is undefined on a long-running server (empty values do not count)', () => {
    expect(freezingPlatform({}, undefined)).toBeUndefined();
    expect(freezingPlatform({}, 'Node.js/24')).toBeUndefined();
    expect(freezingPlatform({ VERCEL: '', AWS_EXECUTION_ENV: 'AWS_ECS_FARGATE' })).toBeUndefined();
    expect(freezingPlatform({ HOSTNAME: 'vm-1' }, undefined)).toBeUndefined();
  });
});
