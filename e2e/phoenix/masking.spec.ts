import { expect, test } from '@playwright/test';
import type { FakeRequestBody } from '../../lib/ai/testing/fake-openai-server';
import { phoenixGraphql, phoenixRest, waitForPhoenixSpans } from './phoenix-api';
import { startPhoenixApp, PHOENIX_SUITE_MODEL, type PhoenixApp } from './phoenix-app';
import { phoenixModelPrices, phoenixProject, phoenixTrace } from './phoenix-queries';
import { expectCostOfUsage, expectTurnTree, gqlSpanOf } from './phoenix-checks';
import { openChat, postTurn, realisticUsage, streamedText, userMessage } from './chat-turns';

/**
 * Masking, judged by Phoenix: an app instance with `OPENINFERENCE_HIDE_*` set gets a planted secret
 * in the prompt (and the model repeats it in its answer); then everything Phoenix returns about the
 * project — REST spans, OTLP-shaped spans, traces, sessions, GraphQL traces with attributes, inputs,
 * outputs, events and the session's first input / last output — is searched for it. Masking hides
 * content, not accounting: the trace, its structure, tokens and cost are still there.
 */
const SECRET = 'PLANTED-SECRET-7f3a9c';
const echoSecret = (body: FakeRequestBody) => (JSON.stringify(body.messages).includes(SECRET) ? ['Your', ' code', ` is ${SECRET}.`] : ['Nothing', ' to', ' hide.']);

const CONFIGS: { name: string; env: Record<string, string> }[] = [
  { name: 'OPENINFERENCE_HIDE_INPUTS + _OUTPUTS', env: { OPENINFERENCE_HIDE_INPUTS: 'true', OPENINFERENCE_HIDE_OUTPUTS: 'true' } },
  {
    name: 'OPENINFERENCE_HIDE_INPUT_TEXT + _OUTPUT_TEXT + _INPUT_MESSAGES + _OUTPUT_MESSAGES',
    env: { OPENINFERENCE_HIDE_INPUT_TEXT: '1', OPENINFERENCE_HIDE_OUTPUT_TEXT: '1', OPENINFERENCE_HIDE_INPUT_MESSAGES: '1', OPENINFERENCE_HIDE_OUTPUT_MESSAGES: '1' },
  },
];

/** Everything Phoenix's APIs return about the project, as one string. */
async function everythingPhoenixHas(project: string, traceIds: string[]): Promise<string> {
  const p = encodeURIComponent(project);
  const parts: unknown[] = [
    await phoenixRest(`/v1/projects/${p}/spans?limit=1000`),
    await phoenixRest(`/v1/projects/${p}/spans/otlpv1?limit=1000`),
    await phoenixRest(`/v1/projects/${p}/traces?include_spans=true&limit=1000`),
    await phoenixRest(`/v1/projects/${p}/sessions`),
    await phoenixProject(project),
  ];
  for (const traceId of traceIds) {
    parts.push(await phoenixTrace(project, traceId));
    parts.push(
      await phoenixGraphql(`query ($t: String!) { getTraceByOtelId(traceId: $t) { spans(first: 100) { edges { node { attributes metadata input { value } output { value } events { name message } } } } } }`, { t: traceId }),
    );
  }
  return JSON.stringify(parts);
}

for (const config of CONFIGS) {
  test.describe(config.name, () => {
    let app: PhoenixApp;
    test.beforeAll(async () => {
      app = await startPhoenixApp({ upstream: { words: echoSecret, usage: realisticUsage }, env: config.env });
    });
    test.afterAll(async () => {
      await app?.stop();
    });

    test('a secret in the prompt and the answer is nowhere in Phoenix; the trace, tokens and cost are', async ({ page }) => {
      const before = app.upstream.requests.length;
      const turn = await postTurn(app, `masked-${Date.now()}`, [userMessage(`Remember my code ${SECRET} please`)]);
      expect(streamedText(turn.body)).toBe(`Your code is ${SECRET}.`);
      // A second turn from the browser, so the session's first input and last output carry the secret too.
      await openChat(page, app);
      await page.getByTestId('chat-input').fill(`My other code is ${SECRET}, repeat it`);
      await page.getByTestId('send-button').click();
      const answer = page.getByTestId('message-assistant').last();
      await expect(answer).toHaveAttribute('data-status', 'done');
      await expect(answer.getByTestId('assistant-text')).toHaveText(`Your code is ${SECRET}.`); // the user sees it; Phoenix must not
      const browserTrace = (await answer.getByTestId('trace-id').getAttribute('data-trace-id'))!;

      const traceIds = [turn.traceId, browserTrace];
      for (const traceId of traceIds) {
        const { root, llms } = expectTurnTree(await waitForPhoenixSpans(app.project, traceId, (s) => s.length >= 2));
        expect(llms).toHaveLength(1);
        expect(root.attributes['stream.outcome']).toBe('completed');
        expect(llms[0]!.attributes['llm.model_name']).toBe(PHOENIX_SUITE_MODEL);
      }
      const stored = await everythingPhoenixHas(app.project, traceIds);
      expect(stored.length).toBeGreaterThan(1000); // the search ran over real content
      expect(stored).toContain(traceIds[0]);
      expect(stored.includes(SECRET), 'the planted secret is stored in Phoenix').toBe(false);
      expect(stored).toContain('__REDACTED__');

      // Accounting survives masking.
      const prices = await phoenixModelPrices(PHOENIX_SUITE_MODEL);
      const trace = (await phoenixTrace(app.project, turn.traceId))!;
      const llm = trace.spans.edges.map((e) => e.node).find((s) => s.spanKind === 'llm')!;
      expectCostOfUsage(gqlSpanOf(trace, llm.spanId), app.upstream.requests[before]!.usage!, prices);
    });
  });
}
