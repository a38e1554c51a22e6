/**
 * Test-only: a long chat as `useChat` posts it — alternating user and assistant messages, with
 * calculator tool calls on some assistant messages and images on some user messages, ending with
 * a user question. Plain JSON (no imports beyond types), so unit and e2e tests both use it.
 */
export const TINY_PNG = 'data:image/png;base64,' + 'iVBORw0KGgo'.repeat(20);

export interface LongChatOptions {
  /** Messages in all, the last one included (≤ 100, the schema's limit). */
  messages: number;
  /** The last user message. */
  question: string;
  /** Every n-th assistant message calls the calculator (0: never). */
  toolEvery?: number;
  /** Every n-th user message carries an image (0: never). */
  imageEvery?: number;
  /** Characters of each earlier message's text. */
  textLength?: number;
}

export function longChat(options: LongChatOptions): Array<{ id: string; role: 'user' | 'assistant'; parts: Record<string, unknown>[] }> {
  const { toolEvery = 3, imageEvery = 4, textLength = 80 } = options;
  const pad = (text: string) => (text + ' ' + 'lorem ipsum '.repeat(Math.ceil(textLength / 12))).slice(0, Math.max(textLength, text.length));
  const out: Array<{ id: string; role: 'user' | 'assistant'; parts: Record<string, unknown>[] }> = [];
  // Earlier messages: an even count, so the history ends with an assistant message.
  const earlier = options.messages - 1 - ((options.messages - 1) % 2);
  for (let i = 0; i < earlier; i += 2) {
    const turn = i / 2;
    const user: Record<string, unknown>[] = [{ type: 'text', text: pad(`Question ${turn}`) }];
    if (imageEvery > 0 && turn % imageEvery === imageEvery - 1) user.push({ type: 'file', mediaType: 'image/png', url: TINY_PNG });
    out.push({ id: `u${turn}`, role: 'user', parts: user });
    const assistant: Record<string, unknown>[] = [{ type: 'step-start' }];
    if (toolEvery > 0 && turn % toolEvery === toolEvery - 1) {
      assistant.push({
        type: 'tool-calculator',
        toolCallId: `call_hist_${turn}`,
        state: 'output-available',
        input: { expression: `${turn}+1` },
        output: { expression: `${turn}+1`, result: turn + 1 },
      });
      assistant.push({ type: 'step-start' });
    }
    assistant.push({ type: 'text', text: pad(`Answer ${turn}`) });
    out.push({ id: `a${turn}`, role: 'assistant', parts: assistant });
  }
  out.push({ id: 'last', role: 'user', parts: [{ type: 'text', text: options.question }] });
  return out;
}
