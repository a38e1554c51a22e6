import { expect, test } from '@playwright/test';
import { startFakeOpenAI, type FakeOpenAI } from '../lib/ai/testing/fake-openai-server';
import { E2E, appEnv } from '../playwright.config';
import { startRawCapture, type RawCapture } from './support/raw-otlp-capture';
import { spawnNext, traceIdOf } from './support/spawn-next';

/**
 * Each OpenInference masking variable, on the built app, through the real provider code path: a
 * distinctive secret planted in the prompt (or an image, or the model's answer) must not appear in
 * the raw bytes the collector receives — while the secret that variable does not cover still does,
 * so the check cannot pass by exporting nothing.
 */
const PORT = Number(new URL(E2E.appUrl).port) + 5;
const IN = 'INSECRET7c1e';
const OUT = 'OUTSECRET9d4b';
const IMG = 'IMGSECRET5a2f';
const IMAGE_URL = `data:image/png;base64,${IMG}${'A'.repeat(120)}`;

const CASES: { variable: string; value?: string; hidden: string; visible: string; image?: boolean }[] = [
  { variable: 'OPENINFERENCE_HIDE_INPUTS', hidden: IN, visible: OUT },
  { variable: 'OPENINFERENCE_HIDE_OUTPUTS', hidden: OUT, visible: IN },
  { variable: 'OPENINFERENCE_HIDE_INPUT_MESSAGES', hidden: IN, visible: OUT },
  { variable: 'OPENINFERENCE_HIDE_OUTPUT_MESSAGES', hidden: OUT, visible: IN },
  { variable: 'OPENINFERENCE_HIDE_INPUT_TEXT', hidden: IN, visible: OUT },
  { variable: 'OPENINFERENCE_HIDE_OUTPUT_TEXT', hidden: OUT, visible: IN },
  { variable: 'OPENINFERENCE_HIDE_INPUT_IMAGES', hidden: IMG, visible: IN, image: true },
  { variable: 'OPENINFERENCE_BASE64_IMAGE_MAX_LENGTH', value: '64', hidden: IMG, visible: IN, image: true },
  { variable: 'OPENINFERENCE_HIDE_LLM_INVOCATION_PARAMETERS', hidden: 'llm.invocation_parameters', visible: IN },
];

let upstream: FakeOpenAI;
let capture: RawCapture;
test.beforeAll(async () => {
  upstream = await startFakeOpenAI({ words: ['Your', ' code', ' is', ` ${OUT}.`] });
  capture = await startRawCapture();
});
test.afterAll(async () => {
  await upstream.close();
  await capture.close();
});

test('every OpenInference masking variable keeps its secret out of the exported bytes', async ({ request }) => {
  test.setTimeout(180_000);
  for (const { variable, value, hidden, visible, image } of CASES) {
    capture.clear();
    const server = await spawnNext(
      'start',
      PORT,
      appEnv({
        OTEL_BSP_SCHEDULE_DELAY: '100',
        PHOENIX_COLLECTOR_ENDPOINT: capture.url,
        OPENAI_API_KEY: 'sk-fake-masking-key',
        OPENAI_BASE_URL: upstream.baseURL,
        [variable]: value ?? 'true',
      }),
    );
    try {
      const parts = [{ type: 'text', text: `Remember ${IN} for me` }, ...(image ? [{ type: 'file', mediaType: 'image/png', url: IMAGE_URL }] : [])];
      // Both runtimes: the masking runs in the Node route and in the edge route alike.
      for (const route of ['/api/chat', '/api/chat/edge']) {
        const label = `${variable} (${route})`;
        capture.clear();
        const response = await request.post(`http://127.0.0.1:${PORT}${route}`, {
          data: { id: `mask-${variable.toLowerCase().replaceAll('_', '-')}-${route.length}`, messages: [{ id: 'u1', role: 'user', parts }] },
        });
        expect(response.status(), label).toBe(200);
        expect(await response.text(), label).toContain(OUT);
        const traceId = traceIdOf(response.headers()['traceresponse']);
        await expect
          .poll(() => capture.spans().filter((s) => s.traceId === traceId && s.attributes['openinference.span.kind'] === 'AGENT').length, { message: label })
          .toBe(1);
        const bytes = capture.bytes();
        expect(bytes.includes(hidden), `${label}: "${hidden}" must not be exported`).toBe(false);
        expect(bytes.includes(visible), `${label}: "${visible}" is still exported (not a vacuous pass)`).toBe(true);
      }
    } finally {
      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  }
});
