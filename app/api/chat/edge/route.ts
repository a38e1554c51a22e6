export { DELETE, GET, PATCH, POST, PUT } from '../chat-methods';

// The same traced turn on the edge runtime. Next deprecates the edge runtime for new code but it is
// still supported; see docs/deployment.md "Where it runs".
export const runtime = 'edge';
export const dynamic = 'force-dynamic';
