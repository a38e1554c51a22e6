import { APICallError, type LanguageModelV4Prompt, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { streamText } from 'ai';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { FOLLOW_UPS_REQUEST } from '@/lib/ai/follow-ups-prompt';
import { composeFollowUps, composeOfflineAnswer } from './offline-answer';
import { offlineAnswerFor, parseDirective, toWordChunks } from './offline-directives';
import { createOfflineModel } from './offline-model';
import { countPromptTokens, countTextTokens } from './token-count';

const prompt = (text: string): LanguageModelV4Prompt => [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: [{ type: 'text', text }] },
];

async function collect(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}
const textOf = (parts: LanguageModelV4StreamPart[]) =>
  parts.flatMap((p) => (p.type === 'text-delta' ? [p.delta] : [])).join('');

describe('token counts', () => {
  it('match the tokenizer and count every prompt message with ChatML framing', () => {
    expect(countTextTokens('Hello world')).toBe(countTokens('Hello world'));
    expect(countTextTokens('')).toBe(0);
    expect(countTextTokens('say <|endoftext|> literally')).toBeGreaterThan(3);
    const p = prompt('How are you?');
    expect(countPromptTokens(p)).toBe(3 + (3 + countTokens('system') + countTokens('Be brief.')) + (3 + countTokens('user') + countTokens('How are you?')));
  });
});

describe('offline answers and directives', () => {
  it('are deterministic and shaped by the question', () => {
    expect(composeOfflineAnswer('Explain tracing spans')).toBe(composeOfflineAnswer('Explain tracing spans'));
    expect(composeOfflineAnswer('Explain tracing spans')).toContain('"explain", "tracing", "spans"');
    expect(composeOfflineAnswer('x')).not.toBe(composeOfflineAnswer('Tell me about kittens'));
  });

  it('parses directives, /fail-mid before /fail', () => {
    expect(parseDirective('/fail-mid now')).toEqual({ directive: 'failMid', rest: 'now' });
    expect(parseDirective('/fail')).toEqual({ directive: 'fail', rest: '' });
    expect(parseDirective('/slow story').directive).toBe('slow');
    expect(parseDirective('/failure is not a directive').directive).toBeUndefined();
    expect(offlineAnswerFor('/slow story').split(/\s+/).length).toBeGreaterThanOrEqual(40);
    expect(offlineAnswerFor('/slow story')).not.toBe(offlineAnswerFor('story'));
  });

  it('splits into word chunks that join back exactly', () => {
    for (const text of ['a b', '  lead\n\nand tail  ', 'one']) expect(toWordChunks(text).join('')).toBe(text);
  });
});

describe('createOfflineModel', () => {
  it('streams the answer word by word and reports real usage', async () => {
    const model = createOfflineModel({ delayMs: 0 });
    const { stream } = await model.doStream({ prompt: prompt('What is tracing?') });
    const parts = await collect(stream);
    const answer = composeOfflineAnswer('What is tracing?');
    expect(textOf(parts)).toBe(answer);
    expect(parts.filter((p) => p.type === 'text-delta').length).toBe(toWordChunks(answer).length);
    const finish = parts.at(-1);
    expect(finish).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'stop' },
      usage: { inputTokens: { total: countPromptTokens(prompt('What is tracing?')) }, outputTokens: { total: countTextTokens(answer) } },
    });
  });

  it('fails before the stream on /fail with an APICallError', async () => {
    await expect(createOfflineModel({ delayMs: 0 }).doStream({ prompt: prompt('/fail') })).rejects.toSatisfy(APICallError.isInstance);
  });

  it('emits an error part and no finish on /fail-mid', async () => {
    const parts = await collect((await createOfflineModel({ delayMs: 0 }).doStream({ prompt: prompt('/fail-mid x') })).stream);
    expect(parts.some((p) => p.type === 'error')).toBe(true);
    expect(parts.some((p) => p.type === 'finish')).toBe(false);
    expect(textOf(parts).length).toBeGreaterThan(0);
  });

  it('stops promptly on abort, erroring with the reason', async () => {
    const abort = new AbortController();
    const { stream } = await createOfflineModel({ delayMs: 20 }).doStream({ prompt: prompt('hello'), abortSignal: abort.signal });
    const reader = stream.getReader();
    await reader.read();
    abort.abort(new Error('stop'));
    await expect((async () => { for (;;) if ((await reader.read()).done) return; })()).rejects.toThrow('stop');
  });

  it('works with the real AI SDK', async () => {
    const result = streamText({ model: createOfflineModel({ delayMs: 0 }), prompt: 'hi there' });
    expect(await result.text).toBe(composeOfflineAnswer('hi there'));
    const usage = await result.usage;
    expect(usage.outputTokens).toBe(countTextTokens(composeOfflineAnswer('hi there')));
    expect(usage.inputTokens).toBeGreaterThan(0);
  });
});

describe('createOfflineModel (edges)', () => {
  const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

  it('reports its modelId, deterministically across calls, and matches doGenerate', async () => {
    const model = createOfflineModel({ delayMs: 0, modelId: 'custom-1' });
    const [a, b] = await Promise.all([1, 2].map(async () => collect((await model.doStream({ prompt: prompt('Same?') })).stream)));
    expect(a!.find((p) => p.type === 'response-metadata')).toMatchObject({ modelId: 'custom-1' });
    expect(textOf(a!)).toBe(textOf(b!));
    const generated = await model.doGenerate({ prompt: prompt('Same?') });
    expect(generated.content).toEqual([{ type: 'text', text: textOf(a!) }]);
    const finish = a!.at(-1);
    expect(finish?.type === 'finish' && finish.usage).toEqual(generated.usage);
  });

  it('errors with the abort reason at once, even mid-pause, and leaves no timer', async () => {
    const abort = new AbortController();
    const before = activeTimers();
    const { stream } = await createOfflineModel({ delayMs: 60_000 }).doStream({ prompt: prompt('hello'), abortSignal: abort.signal });
    const reader = stream.getReader();
    for (let i = 0; i < 4; i++) await reader.read(); // stream-start, metadata, text-start, first word
    const next = reader.read();
    await new Promise((resolve) => setImmediate(resolve));
    expect(activeTimers()).toBe(before + 1);
    const reason = new Error('user pressed stop');
    abort.abort(reason);
    await expect(next).rejects.toBe(reason);
    expect(activeTimers()).toBe(before);
  });

  it('clears its timer when the consumer cancels mid-pause', async () => {
    const before = activeTimers();
    const { stream } = await createOfflineModel({ delayMs: 60_000 }).doStream({ prompt: prompt('hello') });
    const reader = stream.getReader();
    for (let i = 0; i < 4; i++) await reader.read();
    await new Promise((resolve) => setImmediate(resolve));
    expect(activeTimers()).toBe(before + 1);
    await reader.cancel();
    expect(activeTimers()).toBe(before);
  });

  it('/slow streams a longer answer, at least 150 ms a word', async () => {
    const { stream } = await createOfflineModel({ delayMs: 0 }).doStream({ prompt: prompt('/slow story') });
    const reader = stream.getReader();
    const stamps: number[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (value?.type === 'text-delta') stamps.push(performance.now());
      if (done || stamps.length === 3) break;
    }
    await reader.cancel();
    expect(stamps[2]! - stamps[1]!).toBeGreaterThanOrEqual(145);
    expect(offlineAnswerFor('/slow story').split(/\s+/).length).toBeGreaterThanOrEqual(40);
  });

  it('streams without waiting at delayMs 0', async () => {
    const started = performance.now();
    await collect((await createOfflineModel({ delayMs: 0 }).doStream({ prompt: prompt('fast') })).stream);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('reports through the real AI SDK exactly the counts of the prompt it received', async () => {
    const result = streamText({ model: createOfflineModel({ delayMs: 0 }), instructions: 'Be brief.', prompt: 'How are you?' });
    expect(await result.text).toBe(composeOfflineAnswer('How are you?'));
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(countPromptTokens(prompt('How are you?')));
    expect(usage.outputTokens).toBe(countTextTokens(composeOfflineAnswer('How are you?')));
    expect(await result.finishReason).toBe('stop');
  });

  it('answers the follow-ups request with three questions about the previous question', async () => {
    const { stream } = await createOfflineModel({ delayMs: 0 }).doStream({
      prompt: [
        { role: 'user', content: [{ type: 'text', text: 'Explain span links' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'They connect traces.' }] },
        { role: 'user', content: [{ type: 'text', text: FOLLOW_UPS_REQUEST }] },
      ],
    });
    const text = textOf(await collect(stream));
    expect(text).toBe(composeFollowUps('Explain span links'));
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toContain('"explain"');
  });
});

describe('/think', () => {
  it('streams reasoning parts before the answer text, and counts them as reasoning tokens', async () => {
    const { stream } = await createOfflineModel({ delayMs: 0 }).doStream({ prompt: prompt('/think tides') });
    const parts = await collect(stream);
    const types = parts.map((p) => p.type);
    expect(types.indexOf('reasoning-start')).toBeLessThan(types.indexOf('reasoning-end'));
    expect(types.indexOf('reasoning-end')).toBeLessThan(types.indexOf('text-start'));
    const reasoning = parts.flatMap((p) => (p.type === 'reasoning-delta' ? [p.delta] : [])).join('');
    expect(reasoning).toContain('"tides"');
    expect(textOf(parts)).toBe(offlineAnswerFor('tides'));
    const finish = parts.find((p) => p.type === 'finish');
    expect(finish?.type === 'finish' && finish.usage.outputTokens).toEqual({
      total: countTextTokens(reasoning) + countTextTokens(textOf(parts)),
      text: countTextTokens(textOf(parts)),
      reasoning: countTextTokens(reasoning),
    });
    expect(parseDirective('/think tides')).toEqual({ directive: 'think', rest: 'tides' });
  });

  it('plain questions have no reasoning and leave reasoning tokens unknown', async () => {
    const { stream } = await createOfflineModel({ delayMs: 0 }).doStream({ prompt: prompt('tides') });
    const parts = await collect(stream);
    expect(parts.some((p) => p.type === 'reasoning-delta')).toBe(false);
    const finish = parts.find((p) => p.type === 'finish');
    expect(finish?.type === 'finish' && finish.usage.outputTokens.reasoning).toBeUndefined();
  });
});
