/**
 * openinference-core's builders and masking side by side with the code of ours that does the same job,
 * on the same inputs, interleaved in one run (so machine noise hits both alike): the ratio ours/core
 * per round, with its spread. Run: `BENCH_ENTRY=bench/openinference-core-builders.ts node
 * --experimental-transform-types scripts/bench.mjs` (scripts/bench.mjs resolves our extensionless imports).
 */
import type { Attributes } from '@opentelemetry/api';
import { getMessageAttributes, type OIMessage } from '../lib/tracing/vocabulary/message-attributes';
import { maskAttributes, maskWithOpenInferenceCore } from '../lib/tracing/vocabulary/mask-attributes';
import { traceConfigFromEnv } from '../lib/tracing/vocabulary/trace-config';
import { ATTR, MESSAGE_LIST } from '../lib/tracing/vocabulary/semconv';
import { median, percentile } from './stats';

const ROUNDS = Number(process.argv[2] ?? 25);

/** A long chat: system prompt, then 100 user/assistant turns with text, a tool call and an image now and then. */
const messages: OIMessage[] = [
  { role: 'system', content: 'You are a helpful assistant.' },
  ...Array.from({ length: 100 }, (_, i): OIMessage =>
    i % 10 === 3
      ? { role: 'user', contents: [{ type: 'text', text: `look ${i}` }, { type: 'image', url: 'https://example.com/a.png' }] }
      : i % 10 === 6
        ? { role: 'assistant', toolCalls: [{ id: `call_${i}`, name: 'getWeather', arguments: '{"city":"Paris"}' }] }
        : { role: i % 2 ? 'assistant' : 'user', content: `message ${i} `.repeat(20) },
  ),
];

/** The hand-written flattener that `getMessageAttributes` (now openinference-core's `getLLMAttributes`) replaced. */
function handWrittenMessageAttributes(prefix: string, list: readonly OIMessage[]): Attributes {
  const attributes: Attributes = {};
  list.forEach((message, i) => {
    const base = `${prefix}.${i}.`;
    attributes[base + ATTR.MESSAGE_ROLE] = message.role;
    if (message.content !== undefined) attributes[base + ATTR.MESSAGE_CONTENT] = message.content;
    message.contents?.forEach((part, k) => {
      const partBase = `${base}${ATTR.MESSAGE_CONTENTS}.${k}.`;
      attributes[partBase + ATTR.MESSAGE_CONTENT_TYPE] = part.type;
      if (part.type === 'image') attributes[`${partBase}${ATTR.MESSAGE_CONTENT_IMAGE}.${ATTR.IMAGE_URL}`] = part.url;
      else attributes[partBase + ATTR.MESSAGE_CONTENT_TEXT] = part.text;
    });
    if (message.toolCallId !== undefined) attributes[base + ATTR.MESSAGE_TOOL_CALL_ID] = message.toolCallId;
    message.toolCalls?.forEach((call, j) => {
      const callBase = `${base}${ATTR.MESSAGE_TOOL_CALLS}.${j}.`;
      attributes[callBase + ATTR.TOOL_CALL_ID] = call.id;
      attributes[callBase + ATTR.TOOL_CALL_FUNCTION_NAME] = call.name;
      attributes[callBase + ATTR.TOOL_CALL_FUNCTION_ARGUMENTS_JSON] = call.arguments;
    });
  });
  return attributes;
}

const span: Attributes = {
  'openinference.span.kind': 'LLM',
  'input.value': JSON.stringify({ messages }),
  'input.mime_type': 'application/json',
  'llm.model_name': 'gpt-4o-mini',
  ...getMessageAttributes(MESSAGE_LIST.INPUT, messages),
  'output.value': 'the answer',
  'llm.token_count.prompt': 1200,
};
const NONE = traceConfigFromEnv({});
if (JSON.stringify(handWrittenMessageAttributes(MESSAGE_LIST.INPUT, messages)) !== JSON.stringify(getMessageAttributes(MESSAGE_LIST.INPUT, messages))) {
  throw new Error('the two flatteners disagree: the comparison would be meaningless');
}

interface Case {
  name: string;
  ours: () => unknown;
  core: () => unknown;
}
const cases: Case[] = [
  {
    name: `flatten ${messages.length} input messages (ours: the hand-written flattener it replaced)`,
    ours: () => handWrittenMessageAttributes(MESSAGE_LIST.INPUT, messages),
    core: () => getMessageAttributes(MESSAGE_LIST.INPUT, messages),
  },
  {
    name: `mask a ${Object.keys(span).length}-attribute LLM span, nothing hidden (ours: the one-scan fast path)`,
    ours: () => maskAttributes(span, NONE),
    core: () => maskWithOpenInferenceCore(span, NONE),
  },
];

/** Microseconds per call of `fn`, over enough calls to take ~20 ms. */
function time(fn: () => unknown, calls: number): number {
  const start = performance.now();
  for (let i = 0; i < calls; i++) fn();
  return ((performance.now() - start) * 1000) / calls;
}

for (const c of cases) {
  const calls = Math.max(1, Math.round(20 / Math.max(0.001, time(c.core, 20) / 1000)));
  const ratios: number[] = [];
  const ours: number[] = [];
  const core: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which runs first, so warm-up and GC fall on both alike.
    let oursUs: number, coreUs: number;
    if (round % 2) {
      oursUs = time(c.ours, calls);
      coreUs = time(c.core, calls);
    } else {
      coreUs = time(c.core, calls);
      oursUs = time(c.ours, calls);
    }
    ours.push(oursUs);
    core.push(coreUs);
    ratios.push(oursUs / coreUs);
  }
  const fmt = (values: number[]) => `${median(values).toFixed(1)} µs (p10 ${percentile(values, 10).toFixed(1)}, p90 ${percentile(values, 90).toFixed(1)})`;
  console.log(`${c.name}: ours ${fmt(ours)}, openinference-core ${fmt(core)}; ours/core ${median(ratios).toFixed(3)} (p10 ${percentile(ratios, 10).toFixed(3)}, p90 ${percentile(ratios, 90).toFixed(3)})`);
}
