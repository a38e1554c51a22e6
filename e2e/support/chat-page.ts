import { expect, type Locator, type Page } from '@playwright/test';

export type Runtime = 'nodejs' | 'edge';
export const RUNTIMES: Runtime[] = ['nodejs', 'edge'];
/** The chat route of each runtime. */
export const CHAT_ROUTE: Record<Runtime, string> = { nodejs: '/api/chat', edge: '/api/chat/edge' };

/** Drives the chat UI through its data-testid hooks. */
export class ChatPage {
  constructor(readonly page: Page) {}

  /** Opens the chat (of the app at `appUrl`; default: the config's `baseURL`) and picks the server runtime its turns go to. */
  async open(runtime: Runtime = 'nodejs', appUrl = ''): Promise<void> {
    await this.page.goto(`${appUrl}/`);
    await expect(this.page.getByTestId('chat')).toHaveAttribute('data-hydrated', 'true');
    await this.page.getByTestId(`runtime-${runtime}`).click();
    await expect(this.page.getByTestId(`runtime-${runtime}`)).toHaveAttribute('aria-pressed', 'true');
  }

  get input(): Locator {
    return this.page.getByTestId('chat-input');
  }

  get lastAnswer(): Locator {
    return this.page.getByTestId('message-assistant').last();
  }

  get lastAnswerText(): Locator {
    return this.lastAnswer.getByTestId('assistant-text');
  }

  async send(text: string): Promise<void> {
    await this.input.fill(text);
    await this.page.getByTestId('send-button').click();
  }

  /** Sends `text` and waits for the streamed answer to finish; returns the text on screen. */
  async ask(text: string, timeout = 15_000): Promise<string> {
    const answers = await this.page.getByTestId('message-assistant').count();
    await this.send(text);
    await expect(this.page.getByTestId('message-assistant')).toHaveCount(answers + 1);
    await expect(this.lastAnswer).toHaveAttribute('data-status', 'done', { timeout });
    return (await this.lastAnswerText.textContent()) ?? '';
  }

  async lastTraceId(): Promise<string> {
    const chip = this.lastAnswer.getByTestId('trace-id');
    await expect(chip).toHaveAttribute('data-trace-id', /^[0-9a-f]{32}$/);
    return (await chip.getAttribute('data-trace-id'))!;
  }

  /**
   * Records, in the page, the wall-clock time of every change to the last answer's text, so a test
   * can compare when chunks reached the screen with when spans ended (same machine, same clock).
   */
  async recordTextChanges(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __textChanges: { at: number; length: number }[] };
      w.__textChanges = [];
      const observer = new MutationObserver(() => {
        const texts = document.querySelectorAll('[data-testid="assistant-text"]');
        const last = texts[texts.length - 1];
        const length = last?.textContent?.length ?? 0;
        const prev = w.__textChanges[w.__textChanges.length - 1];
        if (!prev || prev.length !== length) w.__textChanges.push({ at: Date.now(), length });
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  async textChanges(): Promise<{ at: number; length: number }[]> {
    return this.page.evaluate(() => (window as unknown as { __textChanges: { at: number; length: number }[] }).__textChanges);
  }
}
