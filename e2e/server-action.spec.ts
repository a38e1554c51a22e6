import { expect, test } from '@playwright/test';
import { composeFollowUps } from '../lib/ai/offline-answer';
import { FOLLOW_UPS_REQUEST } from '../lib/ai/follow-ups-prompt';
import { countTextTokens } from '../lib/ai/token-count';
import { ChatPage } from './support/chat-page';
import { waitForTurnSpans } from './support/turn-spans';

test('a server action streams a traced completion and returns its trace id', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  const answer = await chat.ask('Tell me about span links');
  await page.getByTestId('suggest-button').click();
  const panel = page.getByTestId('suggestions');
  await expect(panel).toHaveAttribute('data-status', 'done');
  const text = (await panel.getByTestId('suggestions-text').textContent()) ?? '';
  expect(text).toBe(composeFollowUps('Tell me about span links'));
  const traceId = (await panel.getByTestId('trace-id').getAttribute('data-trace-id'))!;
  expect(traceId).not.toBe(await chat.lastTraceId());

  const { chain, llm } = await waitForTurnSpans(traceId);
  expect(chain.name).toBe('suggest follow-ups');
  expect(chain.attributes).toMatchObject({
    'openinference.span.kind': 'CHAIN',
    'input.value': FOLLOW_UPS_REQUEST,
    'output.value': text,
    'session.id': await page.getByTestId('session-id').getAttribute('data-session-id'),
    'stream.outcome': 'completed',
  });
  expect(llm.parentSpanId).toBe(chain.spanId);
  expect(llm.attributes).toMatchObject({
    'llm.input_messages.1.message.content': 'Tell me about span links',
    'llm.input_messages.2.message.content': answer,
    'llm.input_messages.3.message.content': FOLLOW_UPS_REQUEST,
    'output.value': text,
    'llm.token_count.completion': countTextTokens(text),
  });
});
