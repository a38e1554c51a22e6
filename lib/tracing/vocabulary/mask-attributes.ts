/**
 * The one place span attributes are masked: every attribute this app sets passes through here
 * (`span-lifecycle.ts`). Rules and their order follow OpenInference's masking rules: a hidden value is
 * either replaced by `__REDACTED__` or dropped, the specific rules before the general ones.
 *
 * One deliberate difference, stricter than the spec: in this app `input.value`/`output.value` carry
 * the same text as the messages, so the `_MESSAGES` and `_TEXT` variables redact them too — otherwise
 * hiding the messages would still export their text. (Image URLs never appear in `input.value`.)
 */
import type { Attributes, AttributeValue } from '@opentelemetry/api';
import { ATTR, MESSAGE_LIST } from './semconv';
import { REDACTED_VALUE, type TraceConfig } from './trace-config';

type Rule = (config: TraceConfig, key: string, value: AttributeValue) => boolean;
const REDACT = 'redact';
const DROP = 'drop';

const inInputMessages = (key: string) => key.startsWith(`${MESSAGE_LIST.INPUT}.`);
const inOutputMessages = (key: string) => key.startsWith(`${MESSAGE_LIST.OUTPUT}.`);
const isMessageText = (key: string) =>
  key.endsWith(`.${ATTR.MESSAGE_CONTENT}`) || key.endsWith(`.${ATTR.MESSAGE_CONTENT_TEXT}`);
const isImageUrl = (key: string) => key.includes(`.${ATTR.MESSAGE_CONTENT_IMAGE}.`) && key.endsWith(`.${ATTR.IMAGE_URL}`);
const isBase64Image = (value: AttributeValue) =>
  typeof value === 'string' && value.startsWith('data:image/') && value.includes('base64');

const RULES: ReadonlyArray<readonly [Rule, typeof REDACT | typeof DROP]> = [
  [(c, k) => (c.hideInputs || c.hideInputMessages || c.hideInputText) && k === ATTR.INPUT_VALUE, REDACT],
  [(c, k) => c.hideInputs && k === ATTR.INPUT_MIME_TYPE, DROP],
  [(c, k) => (c.hideOutputs || c.hideOutputMessages || c.hideOutputText) && k === ATTR.OUTPUT_VALUE, REDACT],
  [(c, k) => c.hideOutputs && k === ATTR.OUTPUT_MIME_TYPE, DROP],
  [(c, k) => (c.hideInputs || c.hideInputMessages) && inInputMessages(k), DROP],
  [(c, k) => (c.hideOutputs || c.hideOutputMessages) && inOutputMessages(k), DROP],
  [(c, k) => c.hideInputText && inInputMessages(k) && isMessageText(k), REDACT],
  [(c, k) => c.hideOutputText && inOutputMessages(k) && isMessageText(k), REDACT],
  [(c, k) => c.hideInputImages && inInputMessages(k) && k.includes(`.${ATTR.MESSAGE_CONTENT_IMAGE}`), DROP],
  [(c, k, v) => isImageUrl(k) && isBase64Image(v) && (v as string).length > c.base64ImageMaxLength, REDACT],
  [(c, k) => c.hideLLMInvocationParameters && k === ATTR.LLM_INVOCATION_PARAMETERS, DROP],
  [(c, k) => (c.hideInputs || c.hideLLMTools) && k.startsWith(`${ATTR.LLM_TOOLS}.`), DROP],
];

const HIDE_FLAGS = [
  'hideInputs',
  'hideOutputs',
  'hideInputMessages',
  'hideOutputMessages',
  'hideInputImages',
  'hideInputText',
  'hideOutputText',
  'hideLLMInvocationParameters',
  'hideLLMTools',
] as const satisfies readonly (keyof TraceConfig)[];
const hidesAnything = new WeakMap<TraceConfig, boolean>();

/** `attributes` with what `config` hides redacted or removed. Returns the same object when nothing is hidden. */
export function maskAttributes(attributes: Attributes, config: TraceConfig): Attributes {
  let hides = hidesAnything.get(config);
  if (hides === undefined) hidesAnything.set(config, (hides = HIDE_FLAGS.some((flag) => config[flag])));
  // No OPENINFERENCE_HIDE_* set (the default): the only rule left is the cap on inline images.
  return hides ? maskByRules(attributes, config) : capInlineImages(attributes, config);
}

/** Only base64 image URLs longer than `base64ImageMaxLength` are redacted; no copy when there are none. */
function capInlineImages(attributes: Attributes, config: TraceConfig): Attributes {
  let masked: Attributes | undefined;
  for (const key in attributes) {
    const value = attributes[key];
    if (typeof value !== 'string' || value.length <= config.base64ImageMaxLength || !isImageUrl(key) || !isBase64Image(value)) continue;
    masked ??= { ...attributes };
    masked[key] = REDACTED_VALUE;
  }
  return masked ?? attributes;
}

function maskByRules(attributes: Attributes, config: TraceConfig): Attributes {
  let masked: Attributes | undefined;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    const rule = RULES.find(([applies]) => applies(config, key, value));
    if (!rule) continue;
    masked ??= { ...attributes };
    if (rule[1] === DROP) delete masked[key];
    else masked[key] = REDACTED_VALUE;
  }
  return masked ?? attributes;
}

export { REDACTED_VALUE };
