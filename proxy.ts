import { NextResponse, type NextRequest } from 'next/server';
import { appConfig } from '@/lib/config/app-config';
import { accessRequestOf } from '@/lib/inspector/access-request';
import { decideInspectorAccess, INSPECTOR_COOKIE, inspectorPolicy } from '@/lib/inspector/inspector-access';
import { isSecureRequest } from '@/lib/http/secure-request';

/**
 * Guards the trace inspector (`/traces`): 404 when it is off (or, in `local` mode, for anything not
 * provably from this machine), 401 without its token. The token is exchanged once for an http-only
 * cookie: POSTed by the 401 page's form (or sent as `Authorization: Bearer`), then a 303 back to the
 * page; never kept in a URL. The pages check again (require-inspector-access.ts).
 */
export async function proxy(request: NextRequest) {
  const policy = inspectorPolicy(appConfig());
  const postedToken = request.method === 'POST' ? await postedTokenOf(request) : null;
  const access = accessRequestOf(request.headers, request.cookies, { queryToken: request.nextUrl.searchParams.get('token'), postedToken });
  const decision = decideInspectorAccess(policy, access);
  if (!decision.allow) {
    if (decision.status === 404 && policy.mode === 'local') logOnce(`[inspector] ${decision.message}`);
    return denied(decision.status, decision.message, policy.mode === 'token');
  }
  if (decision.setCookie && access.headerToken) {
    const url = request.nextUrl.clone();
    url.searchParams.delete('token');
    const response = request.method === 'POST' ? NextResponse.redirect(url, 303) : NextResponse.next({ headers: NO_STORE });
    response.cookies.set(INSPECTOR_COOKIE, access.headerToken, { httpOnly: true, sameSite: 'lax', path: '/traces', secure: isSecureRequest(request.headers) });
    return response;
  }
  if (request.method === 'POST') return NextResponse.redirect(request.nextUrl, 303);
  return NextResponse.next({ headers: NO_STORE });
}

const NO_STORE = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' };

async function postedTokenOf(request: NextRequest): Promise<string | null> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
  const token = (await request.formData().catch(() => undefined))?.get('token');
  return typeof token === 'string' && token.length <= 512 ? token.trim() : null;
}

function denied(status: 401 | 404, message: string, withForm: boolean): NextResponse {
  const title = status === 404 ? 'Trace inspector disabled' : 'Trace inspector: token required';
  const form = withForm
    ? `<form method="post" data-testid="inspector-token-form"><label>Inspector token <input data-testid="inspector-token" type="password" name="token" autocomplete="current-password" required minlength="16" style="width:100%"></label><p><button type="submit" data-testid="inspector-token-submit">Open the inspector</button></p></form>`
    : '';
  const html = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><body style="font-family:system-ui;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1 data-testid="inspector-denied">${title}</h1><p>${escapeHtml(message)}</p>${form}<p><a href="/">Back to the chat</a></p>`;
  return new NextResponse(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...NO_STORE } });
}

const logged = new Set<string>();
function logOnce(message: string): void {
  if (logged.size > 20 || logged.has(message)) return;
  logged.add(message);
  console.warn(message);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export const config = { matcher: ['/traces', '/traces/:path*'] };
