import { expect, test } from '@playwright/test';
import { SYSTEM_PROMPT_TEMPLATE } from '../../lib/ai/system-prompt';
import { composeOfflineReasoning } from '../../lib/ai/offline-answer';
import { waitForPhoenixSpans, deletePhoenixProject, spanKind } from './phoenix-api';
import { startPhoenixApp, type PhoenixApp } from './phoenix-app';
import { openChat } from './chat-turns';

/**
 * Reasoning and the prompt template as Phoenix stores them: the offline model (no key) thinks on
 * `/think`; Phoenix's span keeps the reasoning as a `reasoning` content block of the output message,
 * the answer alone as `output.value`, the reasoning token count, and `llm.prompt_template.*`.
 */
let app: PhoenixApp;
test.beforeAll(async () => {
  app = await startPhoenixApp({ env: { OPENAI_API_KEY: '', OFFLINE_MODEL_DELAY_MS: '0' } });
});
test.afterAll(async () => {
  if (app) await deletePhoenixProject(app.project).catch(() => undefined);
  await app?.stop();
});

test('a /think turn in Phoenix: reasoning block before the text block, answer alone in output.value, template attributes', async ({ page }) => {
  await openChat(page, app);
  await page.getByTestId('chat-input').fill('/think why is the sky blue');
  await page.getByTestId('send-button').click();
  const answer = page.getByTestId('message-assistant').last();
  await expect(answer).toHaveAttribute('data-status', 'done');
  await expect(answer.getByTestId('assistant-reasoning')).toBeVisible();
  const text = (await answer.getByTestId('assistant-text').textContent())!;
  const traceId = (await answer.getByTestId('trace-id').getAttribute('data-trace-id'))!;

  const spans = await waitForPhoenixSpans(app.project, traceId, (s) => s.some((span) => spanKind(span) === 'LLM') && s.length >= 2);
  const llm = spans.find((span) => spanKind(span) === 'LLM')!;
  const out = 'llm.output_messages.0.message';
  expect(llm.attributes).toMatchObject({
    [`${out}.contents.0.message_content.type`]: 'reasoning',
    [`${out}.contents.0.message_content.text`]: composeOfflineReasoning('why is the sky blue'),
    [`${out}.contents.1.message_content.type`]: 'text',
    [`${out}.contents.1.message_content.text`]: text,
    'output.value': text,
    'llm.prompt_template.template': SYSTEM_PROMPT_TEMPLATE.template,
    'llm.prompt_template.version': SYSTEM_PROMPT_TEMPLATE.version,
  });
  expect(llm.attributes[`${out}.content`]).toBeUndefined();
  expect(Number.isInteger(llm.attributes['llm.token_count.completion_details.reasoning'])).toBe(true);
  // Phoenix parses the variables' JSON into an object (its REST API then flattens it): proof it read them.
  const prefix = 'llm.prompt_template.variables';
  const variables = typeof llm.attributes[prefix] === 'string'
    ? JSON.parse(llm.attributes[prefix] as string)
    : Object.fromEntries(Object.entries(llm.attributes).filter(([key]) => key.startsWith(`${prefix}.`)).map(([key, value]) => [key.slice(prefix.length + 1), value]));
  expect(variables, JSON.stringify(Object.keys(llm.attributes).filter((key) => key.startsWith('llm.prompt')))).toEqual(SYSTEM_PROMPT_TEMPLATE.variables);
});
