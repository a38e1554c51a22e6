import { expect, test } from '@playwright/test';
import { ChatPage } from './support/chat-page';
import { waitForTurnSpans } from './support/turn-spans';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('an attached image is sent, shown, and traced as an image content part of the LLM input message', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await page.getByTestId('attach-image-input').setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('attachment')).toHaveCount(1);
  const answer = await chat.ask('What is in this picture?');
  expect(answer).toContain('I received 1 image');
  await expect(page.getByTestId('message-user').last().getByTestId('message-image')).toBeVisible();
  await expect(page.getByTestId('attachment')).toHaveCount(0);

  const { llm } = await waitForTurnSpans(await chat.lastTraceId());
  const base = 'llm.input_messages.1.message.contents';
  expect(llm.attributes).toMatchObject({
    'llm.input_messages.1.message.role': 'user',
    // useChat puts attached files before the text.
    [`${base}.0.message_content.type`]: 'image',
    [`${base}.0.message_content.image.image.url`]: `data:image/png;base64,${PNG.toString('base64')}`,
    [`${base}.1.message_content.type`]: 'text',
    [`${base}.1.message_content.text`]: 'What is in this picture?',
  });
  expect(String(llm.attributes['input.value'])).not.toContain(PNG.toString('base64'));
});

test('a non-image file is refused in the browser and nothing is attached', async ({ page }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await page.getByTestId('attach-image-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('attach-error')).toContainText('only PNG, JPEG, GIF or WebP');
  await expect(page.getByTestId('attachment')).toHaveCount(0);
});
