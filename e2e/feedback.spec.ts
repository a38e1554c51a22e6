import { expect, test } from '@playwright/test';
import { E2E, appEnv } from '../playwright.config';
import { fetchAnnotations } from '../receiver/api';
import { ChatPage } from './support/chat-page';
import { spawnNext } from './support/spawn-next';
import { waitForTurnSpans } from './support/turn-spans';

interface StoredAnnotation {
  span_id: string;
  name: string;
  annotator_kind: string;
  result: { label?: string; score?: number; explanation?: string };
}

async function annotationsOf(spanId: string): Promise<StoredAnnotation[]> {
  return (await fetchAnnotations(E2E.receiverUrl, spanId)) as StoredAnnotation[];
}

test("thumbs feedback becomes a Phoenix span annotation on that answer's own turn span", async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.ask('First question about spans');
  const firstTrace = await chat.lastTraceId();
  await chat.ask('Second question about traces');
  const secondTrace = await chat.lastTraceId();
  const first = (await waitForTurnSpans(firstTrace)).chain;
  const second = (await waitForTurnSpans(secondTrace)).chain;

  // Rate the FIRST answer, although a newer one exists.
  const firstAnswer = page.getByTestId('message-assistant').first();
  await firstAnswer.getByTestId('feedback-down').click();
  await firstAnswer.getByTestId('feedback-comment').fill('missed the point');
  await firstAnswer.getByTestId('feedback-submit').click();
  await expect(firstAnswer.getByTestId('feedback-status')).toHaveAttribute('data-state', 'recorded');

  await expect.poll(async () => (await annotationsOf(first.spanId)).length).toBe(1);
  expect((await annotationsOf(first.spanId))[0]).toMatchObject({
    span_id: first.spanId,
    name: 'user_feedback',
    annotator_kind: 'HUMAN',
    result: { label: 'thumbs-down', score: 0, explanation: 'missed the point' },
  });
  expect(await annotationsOf(second.spanId)).toEqual([]);

  const secondAnswer = page.getByTestId('message-assistant').last();
  await secondAnswer.getByTestId('feedback-up').click();
  await secondAnswer.getByTestId('feedback-submit').click();
  await expect(secondAnswer.getByTestId('feedback-status')).toHaveAttribute('data-state', 'recorded');
  await expect.poll(async () => (await annotationsOf(second.spanId))[0]?.result).toEqual({ label: 'thumbs-up', score: 1 });

  // The Phoenix key is used server-side only: it is in no page, script or response the browser got.
  expect(await page.content()).not.toContain(E2E.apiKey);
});

test('invalid span ids get a 400 that names the field and record nothing', async ({ request }) => {
  const response = await request.post('/api/feedback', { data: { traceId: 'x'.repeat(32), spanId: '0000000000000000', rating: 'up' } });
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe('invalid_request');
  expect(JSON.stringify(body)).toMatch(/traceId/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
});

test('without Phoenix configured, each answer says feedback is not being recorded', async ({ page }) => {
  const port = Number(new URL(E2E.appUrl).port) + 6;
  // Spans go to an OTLP endpoint that is not Phoenix: nothing can take annotations.
  const server = await spawnNext('start', port, appEnv({ PHOENIX_COLLECTOR_ENDPOINT: '', OTEL_EXPORTER_OTLP_ENDPOINT: E2E.receiverUrl }));
  try {
    const chat = new ChatPage(page);
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.getByTestId('chat')).toHaveAttribute('data-hydrated', 'true');
    await chat.ask('Hello without Phoenix');
    await expect(chat.lastAnswer.getByTestId('feedback-status')).toHaveAttribute('data-state', 'disabled');
    await expect(chat.lastAnswer.getByTestId('feedback-status')).toContainText('not being recorded');
    const response = await page.request.post(`http://127.0.0.1:${port}/api/feedback`, {
      data: { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', rating: 'up' },
    });
    expect(response.status()).toBe(503);
    expect((await response.json()).error.code).toBe('feedback_disabled');
  } finally {
    server.kill('SIGKILL');
  }
});
