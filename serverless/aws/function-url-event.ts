import { randomUUID } from 'node:crypto';

export interface HttpInvocation {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * The event a Lambda function URL (payload format 2.0, the API Gateway HTTP API shape) delivers for
 * an HTTP request: what OpenNext's default `aws-apigw-v2` converter reads.
 */
export function functionUrlEvent(request: HttpInvocation, host: string): Record<string, unknown> {
  const url = new URL(request.path, `https://${host}`);
  const headers: Record<string, string> = { host, 'x-forwarded-proto': 'https', 'user-agent': 'lambda-sandbox', ...lowerCaseKeys(request.headers ?? {}) };
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: headers.cookie ? headers.cookie.split(/;\s*/) : undefined,
    headers,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0],
      http: { method: request.method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: headers['user-agent'] },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: request.body ?? '',
    isBase64Encoded: false,
  };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}
