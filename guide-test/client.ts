/**
 * What a browser does with the guide's code: posts `useChat`'s body to the route handler and reads
 * the UI message stream (whole, or up to a point and then aborts, like Stop or a closed tab), and
 * calls the server action the way React does (`Next-Action` header, arguments as JSON).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ChatReply {
  status: number;
  traceId?: string;
  text: string;
  error?: string;
  /** Epoch ms at which the last text chunk arrived (or the abort happened). */
  lastChunkAt: number;
}

/** `useChat`'s body: the chat so far (`history`, alternating user and assistant texts) and the new question. */
export function chatBody(id: string, text: string, history: string[] = []) {
  const messages = [...history, text].map((content, i) => ({
    id: `${id}-m${i}`,
    role: (history.length - i) % 2 === 0 ? 'user' : 'assistant',
    parts: [{ type: 'text', text: content }],
  }));
  return { id, trigger: 'submit-message', messages };
}

export const traceIdOf = (traceresponse: string | null) => /^00-([0-9a-f]{32})-/.exec(traceresponse ?? '')?.[1];

/** Posts a chat turn; with `abortAfterChunks`, aborts the request once that many text chunks arrived. */
export async function postChat(url: string, id: string, text: string, abortAfterChunks?: number, history?: string[]): Promise<ChatReply> {
  const controller = new AbortController();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(chatBody(id, text, history)),
    signal: controller.signal,
  });
  const reply: ChatReply = { status: response.status, traceId: traceIdOf(response.headers.get('traceresponse')), text: '', lastChunkAt: 0 };
  if (!response.body) return reply;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let chunks = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
        const part = JSON.parse(line.slice(6)) as { type: string; delta?: string; errorText?: string };
        if (part.type === 'text-delta') {
          reply.text += part.delta ?? '';
          reply.lastChunkAt = Date.now();
          chunks += 1;
        }
        if (part.type === 'error') reply.error = part.errorText;
      }
      if (abortAfterChunks !== undefined && chunks >= abortAfterChunks) {
        reply.lastChunkAt = Date.now();
        controller.abort(new Error('the client went away'));
        break;
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return reply;
}

export interface ServerAction {
  id: string;
  /** The page that uses it (where React posts it to). */
  pagePath: string;
  exportedName: string;
}

/** The server action defined in `filename`, from the build's server reference manifest. */
export function findServerAction(appDir: string, filename: string): ServerAction {
  const manifest = JSON.parse(readFileSync(join(appDir, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename);
  if (!found) throw new Error(`the build has no server action from ${filename} (is it imported by a page?)`);
  const [id, entry] = found;
  const page = Object.keys(entry.workers).find((worker) => worker.startsWith('app/') && worker.endsWith('/page'));
  if (!page) throw new Error(`the server action in ${filename} is used by no page`);
  const pagePath = page.slice('app'.length, -'/page'.length) || '/';
  return { id, pagePath, exportedName: entry.exportedName ?? '?' };
}

export interface ActionReply {
  status: number;
  /** The raw React Flight response: the result and every chunk of its stream. */
  body: string;
  /** The action's result (the Flight row that carries `traceId`). */
  result?: Record<string, unknown>;
  /** The text of each stream in the result, by property name, as the client reads it. */
  streams: Record<string, string>;
}

/** Calls a server action as React does: POST to its page, `Next-Action: <id>`, the arguments as JSON. */
export async function callServerAction(baseUrl: string, action: ServerAction, args: unknown[]): Promise<ActionReply> {
  const response = await fetch(`${baseUrl}${action.pagePath}`, {
    method: 'POST',
    headers: { 'next-action': action.id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', origin: baseUrl },
    body: JSON.stringify(args),
  });
  const raw = Buffer.from(await response.arrayBuffer());
  const rows = decodeFlightRows(raw);
  const resultRow = rows.find((row) => typeof row.value === 'string' && row.value.includes('"traceId"'));
  const result = resultRow ? (JSON.parse(resultRow.value) as Record<string, unknown>) : undefined;
  const streams: Record<string, string> = {};
  for (const [key, value] of Object.entries(result ?? {})) {
    const ref = typeof value === 'string' ? /^\$([0-9a-f]+)$/.exec(value)?.[1] : undefined;
    if (!ref) continue;
    streams[key] = rows
      .filter((row) => row.id === ref && (row.tag === 'T' || row.value.startsWith('"')))
      .map((row) => (row.tag === 'T' ? row.value : (JSON.parse(row.value) as string)))
      .join('');
  }
  return { status: response.status, body: raw.toString('utf8'), result, streams };
}

interface FlightRow {
  id: string;
  /** `T` for a text row (`<id>:T<hex byte length>,<text>`), else empty (`<id>:<json or tag…>\n`). */
  tag: string;
  value: string;
}

/** The rows of a React Flight response, enough to read a result and its streamed text. */
function decodeFlightRows(raw: Buffer): FlightRow[] {
  const rows: FlightRow[] = [];
  let at = 0;
  while (at < raw.length) {
    const colon = raw.indexOf(':', at);
    if (colon < 0) break;
    const id = raw.subarray(at, colon).toString('utf8');
    if (raw[colon + 1] === 0x54 /* T */) {
      const comma = raw.indexOf(',', colon);
      const length = parseInt(raw.subarray(colon + 2, comma).toString('utf8'), 16);
      rows.push({ id, tag: 'T', value: raw.subarray(comma + 1, comma + 1 + length).toString('utf8') });
      at = comma + 1 + length;
      continue;
    }
    const newline = raw.indexOf('\n', colon);
    const end = newline < 0 ? raw.length : newline;
    rows.push({ id, tag: '', value: raw.subarray(colon + 1, end).toString('utf8') });
    at = end + 1;
  }
  return rows;
}
