/**
 * Reads OpenInference's flattened message attributes back into chat messages (the OpenAI shape
 * Phoenix's datasets and Playground use): `llm.input_messages.1.message.contents.0.message_content.text`
 * → `messages[1].content[0].text`. Pure.
 */
export interface DatasetMessage {
  role: string;
  content?: string | DatasetContentPart[];
  tool_call_id?: string;
  tool_calls?: { id?: string; type: 'function'; function: { name?: string; arguments?: string } }[];
}

export type DatasetContentPart =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'image_url'; image_url: { url: string } };

type Attributes = Readonly<Record<string, unknown>>;

export function messagesFromAttributes(attributes: Attributes, prefix: string): DatasetMessage[] {
  const byIndex = new Map<number, Map<string, unknown>>();
  const head = `${prefix}.`;
  for (const [key, value] of Object.entries(attributes)) {
    if (!key.startsWith(head)) continue;
    const match = /^(\d+)\.message\.(.+)$/.exec(key.slice(head.length));
    if (!match) continue;
    const index = Number(match[1]);
    if (!byIndex.has(index)) byIndex.set(index, new Map());
    byIndex.get(index)!.set(match[2]!, value);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, fields]) => toMessage(fields));
}

function toMessage(fields: Map<string, unknown>): DatasetMessage {
  const message: DatasetMessage = { role: str(fields.get('role')) ?? 'unknown' };
  const parts = indexed(fields, 'contents', /^message_content\.(.+)$/).map(toPart).filter((part) => part !== undefined);
  const content = str(fields.get('content'));
  if (parts.length > 0) message.content = parts;
  else if (content !== undefined) message.content = content;
  const toolCallId = str(fields.get('tool_call_id'));
  if (toolCallId !== undefined) message.tool_call_id = toolCallId;
  const calls = indexed(fields, 'tool_calls', /^tool_call\.(.+)$/);
  if (calls.length > 0) {
    message.tool_calls = calls.map((call) => ({
      id: str(call.get('id')),
      type: 'function',
      function: { name: str(call.get('function.name')), arguments: str(call.get('function.arguments')) },
    }));
  }
  return message;
}

function toPart(fields: Map<string, unknown>): DatasetContentPart | undefined {
  const type = str(fields.get('type'));
  const text = str(fields.get('text'));
  if (type === 'image') {
    const url = str(fields.get('image.image.url'));
    return url === undefined ? undefined : { type: 'image_url', image_url: { url } };
  }
  if ((type === 'text' || type === 'reasoning') && text !== undefined) return { type, text };
  return undefined;
}

/** `contents.0.message_content.text` → [Map { 'text' → … }], in index order. */
function indexed(fields: Map<string, unknown>, list: string, inner: RegExp): Map<string, unknown>[] {
  const items = new Map<number, Map<string, unknown>>();
  for (const [key, value] of fields) {
    const match = new RegExp(`^${list}\\.(\\d+)\\.(.+)$`).exec(key);
    const field = match && inner.exec(match[2]!);
    if (!match || !field) continue;
    const index = Number(match[1]);
    if (!items.has(index)) items.set(index, new Map());
    items.get(index)!.set(field[1]!, value);
  }
  return [...items.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
