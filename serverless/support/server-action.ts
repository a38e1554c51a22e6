import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The id Next gave the follow-ups server action in a build (`.next/server/server-reference-manifest.json`). */
export function followUpsActionId(dotNext: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dotNext, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string; filename: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === 'suggestFollowUps');
  if (!entry) throw new Error('suggestFollowUps is not in the server reference manifest');
  return entry[0];
}

/** The HTTP request the browser makes to call the action from the page `/` (a React Server Action POST). */
export function followUpsActionRequest(actionId: string, sessionId: string) {
  const input = { sessionId, messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'What is OpenInference?' }] }] };
  return {
    method: 'POST',
    path: '/',
    headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' },
    body: JSON.stringify([input]),
  };
}

/** The action returns its turn's trace id in the RSC payload. */
export function actionTraceId(rscBody: string): string {
  const traceId = /"traceId":"([0-9a-f]{32})"/.exec(rscBody)?.[1];
  if (!traceId) throw new Error(`no traceId in the action's response: ${rscBody.slice(0, 300)}`);
  return traceId;
}
