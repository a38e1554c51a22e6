export { DELETE, GET, PATCH, POST, PUT } from './chat-methods';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
