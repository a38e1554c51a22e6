// OpenNext configuration for AWS Lambda (`npm run build:aws`): the server function streams its
// response (Lambda function URL with InvokeMode RESPONSE_STREAM), as a chat needs.
import type { OpenNextConfig } from '@opennextjs/aws/types/open-next.js';

const config = {
  default: { override: { wrapper: 'aws-lambda-streaming' } },
  // SKIP_NEXT_BUILD=1 reuses an existing standalone `.next` (built with NEXT_PRIVATE_STANDALONE=true).
  ...(process.env.SKIP_NEXT_BUILD === '1' ? { buildCommand: 'true' } : {}),
} satisfies OpenNextConfig;

export default config;
