import { expect, test } from '@playwright/test';
import { E2E } from '../playwright.config';
import { ChatPage } from './support/chat-page';
import { waitForTurnSpans, type TurnSpans } from './support/turn-spans';

const tokensOf = (turn: TurnSpans) =>
  turn.all.filter((s) => s.attributes['openinference.span.kind'] === 'LLM').reduce((sum, s) => sum + Number(s.attributes['llm.token_count.total'] ?? 0), 0);

test('sessions: the list shows turns, tokens, first input, last output and feedback; the session page shows the turns in order, a stopped one as "stopped"', async ({ page }, testInfo) => {
  // The inspector is on behind a token: its 401 page's form exchanges it for a cookie.
  await page.goto('/traces');
  await page.getByTestId('inspector-token').fill(E2E.inspectorToken);
  await page.getByTestId('inspector-token-submit').click();
  await expect(page.getByTestId('traces-page')).toBeVisible();
  const chat = new ChatPage(page);
  await chat.open();
  await chat.ask('Hello sessions, what do you trace?');
  const first = await waitForTurnSpans(await chat.lastTraceId());
  await chat.ask('Please calculate 17*23');
  const tool = await waitForTurnSpans(await chat.lastTraceId(), 15_000, 2);
  await chat.send('/slow Tell me a long story about spans');
  await expect(chat.lastAnswerText).toHaveText(/(\S+\s+){3}/);
  await page.getByTestId('stop-button').click();
  await expect(chat.lastAnswer.getByTestId('stopped-label')).toBeVisible();
  const stopped = await waitForTurnSpans(await chat.lastTraceId());
  expect(stopped.chain.attributes['stream.outcome']).toBe('aborted');
  expect(stopped.chain.status.code).toBe(0); // UNSET in OTel terms: the inspector must say "stopped"

  // Thumbs-down on the first answer, with a comment.
  const firstAnswer = page.getByTestId('message-assistant').first();
  await firstAnswer.getByTestId('feedback-down').click();
  await firstAnswer.getByTestId('feedback-comment').fill('too generic');
  await firstAnswer.getByTestId('feedback-submit').click();
  await expect(firstAnswer.getByTestId('feedback-status')).toHaveAttribute('data-state', 'recorded');

  const sessionId = String(first.chain.attributes['session.id']);
  expect(tool.chain.attributes['session.id']).toBe(sessionId);
  await page.goto('/traces');
  await page.getByTestId('to-sessions').click();
  await expect(page.getByTestId('sessions-page')).toBeVisible();
  const row = page.locator(`[data-testid=session-row][data-session-id="${sessionId}"]`);
  await expect(row).toHaveAttribute('data-turns', '3');
  await expect(row.getByTestId('session-tokens')).toHaveText(`${tokensOf(first) + tokensOf(tool) + tokensOf(stopped)} tokens`);
  await expect(row.getByTestId('session-first-input')).toHaveText('Hello sessions, what do you trace?');
  // The row truncates with CSS only: the whole last output is in the DOM.
  expect(await row.getByTestId('session-last-output').textContent()).toBe(String(stopped.chain.attributes['output.value']));
  await expect(row.getByTestId('feedback-tally')).toHaveAttribute('data-down', '1');

  await row.click();
  const session = page.getByTestId('session-page');
  await expect(session).toHaveAttribute('data-session-id', sessionId);
  const turns = page.getByTestId('session-turn');
  await expect(turns).toHaveCount(3);
  await expect(turns.nth(0)).toHaveAttribute('data-trace-id', first.chain.traceId);
  await expect(turns.nth(1)).toHaveAttribute('data-trace-id', tool.chain.traceId);
  await expect(turns.nth(2)).toHaveAttribute('data-trace-id', stopped.chain.traceId);
  await expect(turns.nth(0).getByTestId('turn-input')).toHaveText('Hello sessions, what do you trace?');
  await expect(turns.nth(1).getByTestId('turn-output')).toHaveText('17*23 = 391.');
  await expect(turns.nth(2).getByTestId('turn-outcome')).toHaveText('stopped');
  await expect(turns.nth(2)).not.toContainText('UNSET');
  await expect(turns.nth(0).getByTestId('turn-outcome')).toHaveText('completed');
  await expect(turns.nth(0).getByTestId('turn-feedback')).toContainText('too generic');
  await expect(turns.nth(1).getByTestId('turn-tokens')).toHaveText(`${tokensOf(tool)} tokens`);

  await page.setViewportSize({ width: 1100, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('session.png'), fullPage: true });
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/sessions.png', fullPage: true });

  await turns.nth(2).getByTestId('turn-trace-link').click();
  await expect(page.getByTestId('trace-page')).toHaveAttribute('data-trace-id', stopped.chain.traceId);

  await page.goto('/traces/sessions/no-such-session');
  await expect(page.getByTestId('session-not-found')).toBeVisible();
});

test('without the inspector token the sessions pages answer 401 and show no data', async ({ request }) => {
  for (const path of ['/traces/sessions', '/traces/sessions/abc']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(await response.text()).not.toContain('session-row');
  }
});
