import { expect, test } from '@playwright/test';
import { offlineAnswerFor } from '../lib/ai/offline-directives';
import { CHAT_ROUTE, ChatPage, RUNTIMES } from './support/chat-page';
import { traceIdOf } from './support/spawn-next';
import { allSpans, waitForTurnSpans } from './support/turn-spans';

for (const runtime of RUNTIMES) {
  test(`[${runtime}] Stop mid-stream ends both spans with the partial output and an abort marker`, async ({ page }) => {
    const chat = new ChatPage(page);
    await chat.open(runtime);
    const prompt = '/slow Tell me a long story';
    await chat.send(prompt);
    await expect(chat.lastAnswerText).toHaveText(/(\S+\s+){4}/);
    await page.getByTestId('stop-button').click();
    await expect(chat.lastAnswer.getByTestId('stopped-label')).toBeVisible();
    const onScreen = (await chat.lastAnswerText.textContent()) ?? '';
    const traceId = await chat.lastTraceId();

    const { chain, llm } = await waitForTurnSpans(traceId);
    const partial = String(llm.attributes['output.value']);
    const full = offlineAnswerFor(prompt);
    expect(partial.startsWith(onScreen.trimEnd())).toBe(true);
    expect(partial.length).toBeLessThan(full.length);
    expect(full.startsWith(partial)).toBe(true);
    for (const span of [chain, llm]) {
      expect(span.attributes['stream.outcome']).toBe('aborted');
      expect(span.events.map((e) => e.name)).toContain('stream.aborted');
      expect(span.status.code).not.toBe(2);
    }
    expect(chain.attributes['output.value']).toBe(partial);
    // Counts the provider never reported stay unset — never 0.
    expect(llm.attributes['llm.token_count.completion']).toBeUndefined();
    expect(llm.attributes['llm.token_count.total']).toBeUndefined();
  });

  for (const { directive, partialOutput } of [
    { directive: '/fail', partialOutput: false },
    { directive: '/fail-mid', partialOutput: true },
  ]) {
    test(`[${runtime}] a failing model (${directive}) shows an error and records ERROR + exception`, async ({ page }) => {
      const chat = new ChatPage(page);
      await chat.open(runtime);
      const responsePromise = page.waitForResponse((r) => r.url().endsWith(CHAT_ROUTE[runtime]));
      await chat.send(`${directive} please`);
      await expect(page.getByTestId('error-banner')).toBeVisible();
      await expect(page.getByTestId('error-banner')).toContainText(/simulated/i);
      const traceId = traceIdOf((await responsePromise).headers()['traceresponse']);
      expect(traceId).toBeTruthy();
      const { chain, llm } = await waitForTurnSpans(traceId!);
      for (const span of [chain, llm]) {
        expect(span.status.code).toBe(2);
        expect(span.events.find((e) => e.name === 'exception')?.attributes['exception.message']).toMatch(/simulated/);
      }
      expect(llm.attributes['llm.token_count.prompt']).toBeUndefined();
      if (partialOutput) expect(String(llm.attributes['output.value']).length).toBeGreaterThan(0);
    });
  }

  test(`[${runtime}] a bad request gets a 400 JSON error and produces no LLM span`, async ({ page, request }) => {
    const marker = `bad-request-marker-${runtime}-${Date.now()}`;
    const bad = await request.post(CHAT_ROUTE[runtime], {
      data: { id: 'has spaces!', messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: marker }] }] },
    });
    expect(bad.status()).toBe(400);
    const body = await bad.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(/id/);

    const notJson = await request.post(CHAT_ROUTE[runtime], { headers: { 'content-type': 'application/json' }, data: Buffer.from('{nope') });
    expect(notJson.status()).toBe(400);
    expect((await notJson.json()).error.code).toBe('invalid_json');

    const wrongMethod = await request.get(CHAT_ROUTE[runtime]);
    expect(wrongMethod.status()).toBe(405);
    expect((await wrongMethod.json()).error.code).toBe('method_not_allowed');

    // A good turn afterwards: once its spans are in, anything from the bad request would be too.
    const chat = new ChatPage(page);
    await chat.open(runtime);
    await chat.ask('Is everything fine?');
    await waitForTurnSpans(await chat.lastTraceId());
    const leaked = (await allSpans()).filter((s) => JSON.stringify(s.attributes).includes(marker));
    expect(leaked).toEqual([]);
  });
}
