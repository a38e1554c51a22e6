import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useInMemoryTracing } from '@/lib/tracing/testing/in-memory-tracing';
import { startFakeAnthropic, type FakeAnthropicOptions } from '../testing/fake-anthropic-server';
import { chatTools } from '../tools/chat-tools';
import { runTracedTurn, useFakeProvider } from '../testing/traced-turn';
import { expectCalculatorTurn, expectCompletedTurn, expectFailedMidStream, expectRefusedTurn, expectStopped } from '../testing/turn-expectations';

const tracing = useInMemoryTracing();
beforeEach(() => tracing.reset());

const anthropicEnv = (extra: Record<string, string> = {}) => (fake: { baseURL: string }) => ({
  CHAT_PROVIDER: 'anthropic',
  ANTHROPIC_API_KEY: 'sk-ant-fake-key',
  ANTHROPIC_BASE_URL: fake.baseURL,
  CHAT_MODEL: 'claude-haiku-4-5',
  ...extra,
});
const useFakeAnthropic = (options: FakeAnthropicOptions, extra?: Record<string, string>) =>
  useFakeProvider(() => startFakeAnthropic(options), anthropicEnv(extra));

describe('Anthropic Messages API, streamed, through the traced turn', () => {
  const fake = useFakeAnthropic(
    {
      model: 'claude-haiku-4-5-20251001',
      thinking: ['The user greets me.', ' I greet back.'],
      usage: { input_tokens: 40, cache_creation_input_tokens: 100, cache_read_input_tokens: 300, output_tokens: 25, output_tokens_details: { thinking_tokens: 12 } },
    },
    { CHAT_LLM_PROVIDER: 'anthropic' },
  );

  it('sends a real Messages request and records usage, cache counts, thinking tokens and the reported model', async () => {
    const { text, llm, turn } = await runTracedTurn(tracing.spans, 'Hi Claude');
    expect(text).toBe('Hello from the fake Claude.');

    const request = fake().requests[0]!;
    expect(request.url).toBe('/v1/messages');
    expect(request.headers['x-api-key']).toBe('sk-ant-fake-key');
    expect(request.headers['anthropic-version']).toBe('2023-06-01');
    expect(request.body).toMatchObject({ model: 'claude-haiku-4-5', stream: true });

    expect(llm.attributes).toMatchObject({
      'llm.model_name': 'claude-haiku-4-5',
      'llm.response.model_name': 'claude-haiku-4-5-20251001',
      'llm.provider': 'anthropic',
      'llm.system': 'anthropic',
      'url.full': `${fake().baseURL}/messages`,
      'url.path': 'messages',
      // Anthropic's input_tokens exclude the cache: the prompt is all three.
      'llm.token_count.prompt': 440,
      'llm.token_count.prompt_details.cache_write': 100,
      'llm.token_count.prompt_details.cache_read': 300,
      'llm.token_count.completion': 25,
      'llm.token_count.completion_details.reasoning': 12,
      'llm.token_count.total': 465,
      'llm.finish_reason': 'stop',
      'output.value': 'Hello from the fake Claude.',
      'stream.outcome': 'completed',
    });
    expectCompletedTurn({ llm, turn }, { reasoning: 'greet back', apiKey: 'sk-ant-fake-key' });
  });
});

describe('Anthropic usage without cache or thinking details', () => {
  useFakeAnthropic({ usage: { input_tokens: 8, output_tokens: 5 } }, { CHAT_LLM_PROVIDER: 'anthropic' });

  it('leaves the details Anthropic did not report unset instead of writing 0', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi');
    expect(llm.attributes).toMatchObject({ 'llm.token_count.prompt': 8, 'llm.token_count.completion': 5, 'llm.token_count.total': 13 });
    for (const key of ['prompt_details.cache_read', 'prompt_details.cache_write', 'completion_details.reasoning']) {
      expect(llm.attributes[`llm.token_count.${key}`]).toBeUndefined();
    }
  });
});

describe('Anthropic behind an unknown host', () => {
  useFakeAnthropic({});

  it('claims no llm.provider it cannot know, but still names the endpoint', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi');
    expect(llm.attributes['llm.provider']).toBeUndefined();
    expect(llm.attributes['llm.system']).toBeUndefined();
    expect(llm.attributes['url.path']).toBe('messages');
  });
});

describe.each([
  [401, /authentication_error 401/],
  [529, /overloaded_error 529/],
])('Anthropic answering HTTP %i', (status, message) => {
  useFakeAnthropic({ failWithStatus: status }, { CHAT_LLM_PROVIDER: 'anthropic' });

  it("ends the LLM and turn spans with ERROR and Anthropic's message, no token counts", async () => {
    const { llm, turn, errors } = await runTracedTurn(tracing.spans, 'Hi');
    expect(errors.length).toBeGreaterThan(0);
    expectRefusedTurn({ llm, turn }, message);
    expect(llm.attributes['url.full']).toMatch(/\/v1\/messages$/);
  });
});

describe('Anthropic sending an error event mid-stream', () => {
  useFakeAnthropic({ errorAfterWords: 2 }, { CHAT_LLM_PROVIDER: 'anthropic' });

  it('ends the LLM span with ERROR, keeping the partial output', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi');
    expectFailedMidStream(llm, 'Hello from', /Overloaded/);
  });
});

describe('Anthropic stream stopped by the user', () => {
  const fake = useFakeAnthropic({ delayMs: 30 }, { CHAT_LLM_PROVIDER: 'anthropic' });

  it('ends the LLM span as aborted with the partial output and the prompt count message_start reported', async () => {
    const { llm } = await runTracedTurn(tracing.spans, 'Hi', { abortAfterTextChunks: 2 });
    expectStopped(llm, 'Hello from');
    // message_start said 21 input tokens, 0 from the cache; the completion was never reported.
    expect(llm.attributes['llm.token_count.prompt']).toBe(21);
    expect(llm.attributes['llm.token_count.prompt_details.cache_read']).toBe(0);
    expect(llm.attributes['llm.token_count.completion']).toBeUndefined();
    expect(llm.attributes['llm.token_count.total']).toBeUndefined();
    await vi.waitFor(() => expect(fake().disconnects).toBe(1));
  });
});

describe('Anthropic calling a tool (tool_use block, then the answer)', () => {
  const fake = useFakeAnthropic({ toolCall: { name: 'calculator', input: { expression: '17*23' } }, words: ['17*23', ' = 391.'] }, { CHAT_LLM_PROVIDER: 'anthropic' });

  it('traces AGENT → LLM (tool call) → TOOL → LLM (answer), and sends the tool result back as Anthropic expects', async () => {
    const traced = await runTracedTurn(tracing.spans, 'What is 17*23?', { tools: chatTools });
    expectCalculatorTurn(traced);
    expect(traced.llms[0]!.attributes).toMatchObject({
      'llm.output_messages.0.message.tool_calls.0.tool_call.id': 'toolu_fake01',
      'llm.tools.0.tool.json_schema': expect.stringContaining('"calculator"'),
      'url.path': 'messages',
    });

    const second = fake().requests[1]!.body.messages as { role: string; content: { type: string; tool_use_id?: string }[] }[];
    expect(second.at(-1)!.content).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'tool_result', tool_use_id: 'toolu_fake01' })]));
  });
});
