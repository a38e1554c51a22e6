import { NextResponse, type NextRequest } from 'next/server';
import { accessRequestOf } from '@/lib/inspector/access-request';
import { decideInspectorAccess, INSPECTOR_COOKIE, inspectorPolicy } from '@/lib/inspector/inspector-access';

/**
 * Guards the trace inspector (`/traces`): 404 when it is off, 401 without its token; a valid
 * `?token=` is swapped for an http-only cookie and dropped from the URL. The pages check again.
 */
export function proxy(request: NextRequest) {
  const policy = inspectorPolicy(process.env);
  const queryToken = request.nextUrl.searchParams.get('token');
  const decision = decideInspectorAccess(policy, accessRequestOf(request.headers, request.cookies, queryToken));
  if (!decision.allow) {
    const title = decision.status === 404 ? 'Trace inspector disabled' : 'Trace inspector: token required';
    const html = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font-family:system-ui;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1 data-testid="inspector-denied">${title}</h1><p>${escapeHtml(decision.message)}</p><p><a href="/">Back to the chat</a></p>`;
    return new NextResponse(html, { status: decision.status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
  }
  if (decision.setCookie && queryToken) {
    const url = request.nextUrl.clone();
    url.searchParams.delete('token');
    const response = NextResponse.redirect(url, 303);
    response.cookies.set(INSPECTOR_COOKIE, queryToken, { httpOnly: true, sameSite: 'lax', path: '/traces', secure: request.nextUrl.protocol === 'https:' });
    return response;
  }
  return NextResponse.next({ headers: { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export const config = { matcher: ['/traces', '/traces/:path*'] };
