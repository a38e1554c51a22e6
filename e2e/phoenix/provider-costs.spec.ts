import { expect, test } from '@playwright/test';
import { startFakeAnthropic, type AnthropicUsage } from '../../lib/ai/testing/fake-anthropic-server';
import { startFakeGemini, type GeminiUsageMetadata } from '../../lib/ai/testing/fake-gemini-server';
import type { FakeSseServer } from '../../lib/ai/testing/fake-sse-server';
import { RUNTIMES } from '../support/chat-page';
import { postTurn, streamedText, userMessage } from './chat-turns';
import { waitForPhoenixSpans } from './phoenix-api';
import { startPhoenixApp, type PhoenixApp } from './phoenix-app';
import { expectTraceCostIsSumOfLlms, expectTurnTree, gqlSpanOf } from './phoenix-checks';
import { phoenixModelPrices, phoenixTrace, type GqlSpan, type TokenPrice } from './phoenix-queries';

/**
 * Anthropic and Gemini turns as Phoenix stores them: the app talks to each provider's real streaming
 * API (a local fake speaking its wire format), and Phoenix — not our receiver — shows the provider,
 * the reported model, the endpoint its Playground replays against, the provider's own usage
 * (Anthropic cache writes and reads, Gemini cached content and thoughts) and a cost from Phoenix's
 * price table for a priced `claude-*` / `gemini-*` model name (Phoenix 20.3 prices `claude-haiku-4-5`
 * and `gemini-2.0-flash`; it has no price for `claude-3-5-haiku`).
 */

interface Usage {
  prompt: number;
  completion: number;
  cacheRead: number;
  cacheWrite: number;
  reasoning: number;
}

const price = (prices: TokenPrice[], tokenType: string, kind: TokenPrice['kind']) => prices.find((p) => p.tokenType === tokenType && p.kind === kind)?.costPerToken;

/** Phoenix's cost rule: each detail at its own price (else input/output), the rest of the prompt at input, the rest of the completion at output. */
function expectedCost(usage: Usage, prices: TokenPrice[]): number {
  const input = price(prices, 'input', 'PROMPT') ?? 0;
  const output = price(prices, 'output', 'COMPLETION') ?? 0;
  return (
    (usage.prompt - usage.cacheRead - usage.cacheWrite) * input +
    usage.cacheRead * (price(prices, 'cache_read', 'PROMPT') ?? input) +
    usage.cacheWrite * (price(prices, 'cache_write', 'PROMPT') ?? input) +
    (usage.completion - usage.reasoning) * output +
    usage.reasoning * (price(prices, 'reasoning', 'COMPLETION') ?? output)
  );
}

function expectCost(gql: GqlSpan, usage: Usage, prices: TokenPrice[]): void {
  expect(gql.costSummary?.total.cost, `Phoenix computed a cost for ${gql.name}`).toBeGreaterThan(0);
  expect(gql.costSummary!.total.cost!).toBeCloseTo(expectedCost(usage, prices), 12);
  expect(gql.costSummary!.prompt.tokens).toBe(usage.prompt);
  expect(gql.costSummary!.completion.tokens).toBe(usage.completion);
  const entry = (tokenType: string) => gql.costDetailSummaryEntries.find((e) => e.tokenType === tokenType && e.isPrompt)?.value.tokens;
  if (usage.cacheRead) expect(entry('cache_read')).toBe(usage.cacheRead);
  if (usage.cacheWrite) expect(entry('cache_write')).toBe(usage.cacheWrite);
}

interface ProviderCase {
  title: string;
  model: string;
  reportedModel: string;
  provider: string;
  system: string | undefined;
  start: () => Promise<FakeSseServer>;
  env: (fake: FakeSseServer) => Record<string, string>;
  urlPath: string;
  answer: string;
  usage: Usage;
}

const anthropicUsage: AnthropicUsage = {
  input_tokens: 120,
  cache_creation_input_tokens: 2048,
  cache_read_input_tokens: 4096,
  output_tokens: 75,
  output_tokens_details: { thinking_tokens: 30 },
};
const geminiUsage: GeminiUsageMetadata = {
  promptTokenCount: 3000,
  cachedContentTokenCount: 2048,
  candidatesTokenCount: 40,
  thoughtsTokenCount: 25,
  totalTokenCount: 3065,
};

const CASES: ProviderCase[] = [
  {
    title: 'Anthropic Messages API, claude-haiku-4-5',
    model: 'claude-haiku-4-5',
    reportedModel: 'claude-haiku-4-5-20251001',
    provider: 'anthropic',
    system: 'anthropic',
    start: () => startFakeAnthropic({ model: 'claude-haiku-4-5-20251001', thinking: ['Checking.'], usage: anthropicUsage }),
    env: (fake) => ({ CHAT_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'sk-ant-fake-phoenix', ANTHROPIC_BASE_URL: fake.baseURL, CHAT_MODEL: 'claude-haiku-4-5' }),
    urlPath: 'messages',
    answer: 'Hello from the fake Claude.',
    // Anthropic's input_tokens exclude the cache; the prompt is all three.
    usage: { prompt: 120 + 2048 + 4096, completion: 75, cacheRead: 4096, cacheWrite: 2048, reasoning: 30 },
  },
  {
    title: 'Gemini API, gemini-2.0-flash',
    model: 'gemini-2.0-flash',
    reportedModel: 'gemini-2.0-flash-001',
    provider: 'google',
    system: undefined,
    start: () => startFakeGemini({ modelVersion: 'gemini-2.0-flash-001', thoughts: ['Checking.'], usageMetadata: geminiUsage }),
    env: (fake) => ({ CHAT_PROVIDER: 'google', GOOGLE_GENERATIVE_AI_API_KEY: 'AIza-fake-phoenix', GOOGLE_GENERATIVE_AI_BASE_URL: fake.baseURL, CHAT_MODEL: 'gemini-2.0-flash' }),
    urlPath: 'models/gemini-2.0-flash:streamGenerateContent',
    answer: 'Hello from the fake Gemini.',
    // Gemini counts thoughts apart from the candidates; the completion is both.
    usage: { prompt: 3000, completion: 65, cacheRead: 2048, cacheWrite: 0, reasoning: 25 },
  },
];

for (const c of CASES) {
  test.describe(c.title, () => {
    let fake: FakeSseServer;
    let app: PhoenixApp;
    test.beforeAll(async () => {
      fake = await c.start();
      // The fake's host is not the provider's: CHAT_LLM_PROVIDER says whose API it is, as a user's gateway would.
      app = await startPhoenixApp({ env: { ...c.env(fake), CHAT_LLM_PROVIDER: c.provider } });
    });
    test.afterAll(async () => {
      await app?.stop();
      await fake?.close();
    });

    for (const runtime of RUNTIMES) {
      test(`[${runtime}] Phoenix shows the provider, reported model, endpoint, provider usage and a cost from its price table`, async () => {
        const before = fake.requests.length;
        const turn = await postTurn(app, `provider-${c.provider}-${runtime}-${Date.now()}`, [userMessage(`Hello ${c.provider}`)], runtime);
        expect(turn.status).toBe(200);
        expect(streamedText(turn.body)).toBe(c.answer);
        expect(fake.requests).toHaveLength(before + 1);

        const spans = await waitForPhoenixSpans(app.project, turn.traceId, (s) => s.length >= 2);
        const { root, llms } = expectTurnTree(spans);
        expect(root.status_code).toBe('OK');
        expect(llms).toHaveLength(1);
        const llm = llms[0]!;
        expect(llm.status_code).toBe('OK');
        expect(llm.attributes).toMatchObject({
          'llm.model_name': c.model,
          'llm.response.model_name': c.reportedModel,
          'llm.provider': c.provider,
          'url.full': expect.stringContaining(`${fake.baseURL}/${c.urlPath}`),
          'url.path': c.urlPath,
          'llm.token_count.prompt': c.usage.prompt,
          'llm.token_count.completion': c.usage.completion,
          'llm.token_count.total': c.usage.prompt + c.usage.completion,
          'llm.token_count.prompt_details.cache_read': c.usage.cacheRead,
          'llm.token_count.completion_details.reasoning': c.usage.reasoning,
          'output.value': c.answer,
        });
        expect(llm.attributes['llm.system']).toBe(c.system);
        expect(llm.attributes['llm.token_count.prompt_details.cache_write']).toBe(c.usage.cacheWrite || undefined);
        expect(JSON.parse(String(llm.attributes['llm.invocation_parameters']))).toMatchObject({ model: c.model });
        expect(JSON.stringify(llm.attributes)).not.toMatch(/sk-ant-fake-phoenix|AIza-fake-phoenix/);

        const prices = await phoenixModelPrices(c.model);
        const trace = (await phoenixTrace(app.project, turn.traceId))!;
        expectCost(gqlSpanOf(trace, llm.context.span_id), c.usage, prices);
        expectTraceCostIsSumOfLlms(trace);
      });
    }
  });
}
