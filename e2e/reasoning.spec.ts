import { expect, test } from '@playwright/test';
import { SYSTEM_PROMPT_TEMPLATE } from '../lib/ai/system-prompt';
import { composeOfflineReasoning } from '../lib/ai/offline-answer';
import { countTextTokens } from '../lib/ai/token-count';
import { ChatPage } from './support/chat-page';
import { waitForTurnSpans } from './support/turn-spans';

const OUT = 'llm.output_messages.0.message';

test('/think: reasoning streams collapsed in the UI and is a reasoning block of the LLM output message, not output.value', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  const answer = await chat.ask('/think why is the sky blue');
  const reasoning = composeOfflineReasoning('why is the sky blue');

  const shown = chat.lastAnswer.getByTestId('assistant-reasoning');
  await expect(shown).toBeVisible();
  await expect(shown).not.toHaveAttribute('open', /.*/); // collapsed once the answer is there
  await expect(chat.lastAnswer.getByTestId('assistant-reasoning-text')).toBeHidden();
  await chat.lastAnswer.getByTestId('assistant-reasoning-toggle').click();
  await expect(chat.lastAnswer.getByTestId('assistant-reasoning-text')).toHaveText(reasoning);
  expect(answer).not.toContain('reasoning content block');

  const { chain, llm } = await waitForTurnSpans(await chat.lastTraceId());
  expect(llm.attributes).toMatchObject({
    [`${OUT}.role`]: 'assistant',
    [`${OUT}.contents.0.message_content.type`]: 'reasoning',
    [`${OUT}.contents.0.message_content.text`]: reasoning,
    [`${OUT}.contents.1.message_content.type`]: 'text',
    [`${OUT}.contents.1.message_content.text`]: answer,
    'output.value': answer,
    'llm.token_count.completion_details.reasoning': countTextTokens(reasoning),
    'llm.token_count.completion': countTextTokens(reasoning) + countTextTokens(answer),
  });
  expect(llm.attributeTypes['llm.token_count.completion_details.reasoning']).toBe('int');
  expect(String(chain.attributes['output.value'])).toBe(answer);

  // Every LLM span carries the system prompt's template, variables and version (Phoenix's prompt view).
  expect(llm.attributes).toMatchObject({
    'llm.prompt_template.template': SYSTEM_PROMPT_TEMPLATE.template,
    'llm.prompt_template.version': SYSTEM_PROMPT_TEMPLATE.version,
  });
  expect(JSON.parse(String(llm.attributes['llm.prompt_template.variables']))).toEqual(SYSTEM_PROMPT_TEMPLATE.variables);

  // The next turn sends the earlier reasoning back: an input message with a reasoning block.
  await chat.ask('and at sunset?');
  const next = await waitForTurnSpans(await chat.lastTraceId());
  expect(next.llm.attributes).toMatchObject({
    'llm.input_messages.2.message.role': 'assistant',
    'llm.input_messages.2.message.contents.0.message_content.type': 'reasoning',
    'llm.input_messages.2.message.contents.0.message_content.text': reasoning,
    'llm.input_messages.2.message.contents.1.message_content.text': answer,
  });
  await expect(chat.lastAnswer.getByTestId('assistant-reasoning')).toHaveCount(0);
});
