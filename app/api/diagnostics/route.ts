import { appConfig } from '@/lib/config/app-config';
import { errorResponse, HttpError } from '@/lib/http/http-error';
import { openSpanCount } from '@/lib/tracing/lifecycle/span-lifecycle';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Test and operations only, off unless `TRACE_DIAGNOSTICS=1`: how many spans are open right now and
 * the process's memory, for leak checks (`?gc=1` first runs a full GC when Node has `--expose-gc`).
 */
export async function GET(request: Request): Promise<Response> {
  if (!appConfig().tracing.diagnostics) {
    return errorResponse(new HttpError(404, 'not_found', 'Diagnostics are disabled (set TRACE_DIAGNOSTICS=1).'));
  }
  if (new URL(request.url).searchParams.get('gc') === '1') (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return Response.json({ openSpans: openSpanCount(), rss, heapUsed }, { headers: { 'cache-control': 'no-store' } });
}
