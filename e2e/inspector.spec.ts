import { expect, test, type Page } from '@playwright/test';
import { E2E, appEnv } from '../playwright.config';
import { ChatPage } from './support/chat-page';
import { spawnNext } from './support/spawn-next';
import { waitForTurnSpans } from './support/turn-spans';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'mobile', width: 390, height: 844 },
];

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, 'page scrolls horizontally').toBeLessThanOrEqual(innerWidth);
}

test('chat, open the trace from the answer, see the LLM span with its token counts and output', async ({ page, context }, testInfo) => {
  // The inspector is enabled with a token here (as a deploy would be): entered once in the 401 page's
  // form, it is swapped for an http-only cookie; it never appears in a URL.
  await page.goto('/traces');
  await expect(page.getByTestId('inspector-denied')).toBeVisible();
  await page.getByTestId('inspector-token').fill(E2E.inspectorToken);
  await page.getByTestId('inspector-token-submit').click();
  await expect(page.getByTestId('traces-page')).toBeVisible();
  expect(page.url()).not.toContain(E2E.inspectorToken);

  const chat = new ChatPage(page);
  await chat.open();
  const answer = await chat.ask('What will the inspector show me?');
  const traceId = await chat.lastTraceId();
  const { chain, llm } = await waitForTurnSpans(traceId);
  await expect(chat.lastAnswer.getByTestId('open-phoenix')).toHaveCount(0); // the receiver is the inspector's own

  const [inspector] = await Promise.all([context.waitForEvent('page'), chat.lastAnswer.getByTestId('open-trace').click()]);
  await expect(inspector.getByTestId('trace-page')).toHaveAttribute('data-trace-id', traceId);
  await expect(inspector.locator('[data-testid=span-row][data-span-kind=AGENT]')).toHaveAttribute('data-span-id', chain.spanId);
  const llmRow = inspector.locator('[data-testid=span-row][data-span-kind=LLM]');
  await expect(llmRow).toHaveAttribute('data-span-id', llm.spanId);
  await expect(llmRow.getByTestId('kind-badge')).toHaveText('LLM');

  await llmRow.click();
  const panel = inspector.getByTestId('span-panel');
  await expect(panel).toHaveAttribute('data-span-id', llm.spanId);
  for (const [testId, key] of [
    ['token-prompt', 'llm.token_count.prompt'],
    ['token-completion', 'llm.token_count.completion'],
    ['token-total', 'llm.token_count.total'],
  ] as const) {
    const expected = llm.attributes[key];
    expect(Number.isInteger(expected), key).toBe(true);
    await expect(panel.getByTestId(testId)).toHaveText(String(expected));
    await expect(panel.getByTestId(testId)).toHaveAttribute('data-value', String(expected));
  }
  await expect(panel.getByTestId('llm-output-messages').getByTestId('message-bubble')).toHaveAttribute('data-role', 'assistant');
  await expect(panel.getByTestId('llm-output-messages')).toContainText(answer.trim());
  await expect(panel.getByTestId('llm-input-messages').locator('[data-role=user]')).toContainText('What will the inspector show me?');
  await expect(panel.getByTestId('llm-model')).toHaveText('offline-echo-1');

  for (const viewport of VIEWPORTS) {
    await inspector.setViewportSize(viewport);
    for (const testId of ['waterfall', 'span-panel', 'token-total', 'llm-output-messages']) await expect(inspector.getByTestId(testId)).toBeVisible();
    await expectNoHorizontalOverflow(inspector);
    await inspector.screenshot({ path: testInfo.outputPath(`trace-${viewport.name}.png`), fullPage: true });

    await inspector.goto('/traces');
    const row = inspector.locator(`[data-testid=trace-row][data-trace-id="${traceId}"]`);
    await expect(row).toBeVisible();
    await expect(row).toContainText(`${chain.attributes['output.value']}`.slice(0, 20));
    await expect(inspector.getByTestId('trace-filters')).toBeVisible();
    await expectNoHorizontalOverflow(inspector);
    await inspector.screenshot({ path: testInfo.outputPath(`traces-${viewport.name}.png`), fullPage: true });
    await inspector.goto(`/traces/${traceId}?span=${llm.spanId}`);
  }

  // Filters: this session lists the trace; another session and the error status do not.
  const sessionId = String(chain.attributes['session.id']);
  await inspector.goto(`/traces?session=${sessionId}`);
  await expect(inspector.getByTestId('trace-row')).toHaveCount(1);
  await inspector.goto(`/traces?session=${sessionId}&status=error`);
  await expect(inspector.getByTestId('trace-list-empty')).toBeVisible();
});

test('without the token the inspector answers 401 and shows no data; a token in the URL is never accepted', async ({ request }) => {
  for (const path of ['/traces', `/traces/${'a'.repeat(32)}`, '/traces?token=wrong-token-wrong-token', `/traces?token=${E2E.inspectorToken}`]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(response.headers()['set-cookie'], path).toBeUndefined();
    expect(await response.text()).not.toContain('data-testid="trace-list"');
  }
  const wrong = await request.post('/traces', { form: { token: 'wrong-token-wrong-token' }, maxRedirects: 0 });
  expect(wrong.status()).toBe(401);
  // Posted once: a 303 back to the page with an http-only cookie. Secure is not set from a client's
  // X-Forwarded-Proto (TRUST_PROXY is not set here).
  const posted = await request.post('/traces', { form: { token: E2E.inspectorToken }, headers: { 'x-forwarded-proto': 'https' }, maxRedirects: 0 });
  expect(posted.status()).toBe(303);
  expect(posted.headers()['location']).not.toContain('token');
  const cookie = posted.headers()['set-cookie'];
  expect(cookie).toMatch(/trace_inspector_token=.*HttpOnly/i);
  expect(cookie).not.toMatch(/Secure/i);
  // Scripts can send it as a header instead.
  const bearer = await request.get(`/traces/${'a'.repeat(32)}`, { headers: { authorization: `Bearer ${E2E.inspectorToken}` }, maxRedirects: 0 });
  expect(bearer.status()).toBe(200);
});

test('behind a trusted TLS proxy (TRUST_PROXY=1) the cookies are Secure', async () => {
  const port = Number(new URL(E2E.appUrl).port) + 24;
  const server = await spawnNext('start', port, appEnv({ TRUST_PROXY: '1' }));
  try {
    const base = `http://127.0.0.1:${port}`;
    const posted = await fetch(`${base}/traces`, { method: 'POST', body: new URLSearchParams({ token: E2E.inspectorToken }), headers: { 'x-forwarded-proto': 'https' }, redirect: 'manual' });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('set-cookie')).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/i);
    const chat = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ id: 'tls', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }) });
    expect(chat.headers.get('set-cookie')).toMatch(/tc_uid=.*; Secure/);
    await chat.text();
    const plain = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'http' }, body: JSON.stringify({ id: 'plain', messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] }] }) });
    expect(plain.headers.get('set-cookie')).not.toMatch(/Secure/);
    await plain.text();
  } finally {
    server.kill('SIGKILL');
  }
});

test('a production start without TRACE_INSPECTOR: /traces is 404, answers link to Phoenix instead', async ({ page }) => {
  const port = Number(new URL(E2E.appUrl).port) + 4;
  const phoenix = 'http://127.0.0.1:9';
  const server = await spawnNext('start', port, appEnv({ TRACE_INSPECTOR: '', TRACE_INSPECTOR_URL: '', PHOENIX_COLLECTOR_ENDPOINT: phoenix }));
  try {
    for (const path of ['/traces', `/traces/${'a'.repeat(32)}`, `/traces?token=${E2E.inspectorToken}`]) {
      const response = await page.request.get(`http://127.0.0.1:${port}${path}`, { maxRedirects: 0, headers: { authorization: `Bearer ${E2E.inspectorToken}` } });
      expect(response.status(), path).toBe(404);
      expect(await response.text()).toContain('Trace inspector disabled');
    }
    await page.goto(`http://127.0.0.1:${port}/`);
    const chat = new ChatPage(page);
    await expect(page.getByTestId('chat')).toHaveAttribute('data-hydrated', 'true');
    await chat.ask('Hello');
    const traceId = await chat.lastTraceId();
    await expect(chat.lastAnswer.getByTestId('open-trace')).toHaveCount(0);
    await expect(chat.lastAnswer.getByTestId('open-phoenix')).toHaveAttribute('href', `${phoenix}/redirects/traces/${traceId}`);
  } finally {
    server.kill('SIGKILL');
  }
});
