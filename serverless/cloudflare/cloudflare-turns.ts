import { expect } from '@playwright/test';
import { chatBody, readBody, traceIdOf } from '../support/chat-request';
import type { SettleReport, SettleReports } from './settle-reports';
import type { WorkerdDev } from './workerd-dev';

export interface SettledTurn {
  traceId: string;
  body: string;
  report: SettleReport;
}

let sequence = 0;

/**
 * One chat turn through HTTP against the worker; resolves once the worker reports the request
 * settled. `stopAfterBytes`: the client aborts the fetch after that much of the stream (Stop).
 */
export async function settledTurn(dev: WorkerdDev, reports: SettleReports, text: string, stopAfterBytes?: number): Promise<SettledTurn> {
  const id = `cf-${process.pid}-${++sequence}`;
  const abort = new AbortController();
  const response = await fetch(`${dev.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-settle-id': id },
    body: chatBody(id, text),
    signal: abort.signal,
  });
  expect(response.status, await previewOnError(response)).toBe(200);
  const traceId = traceIdOf(response.headers.get('traceresponse'));
  const body = await readBody(response, abort, stopAfterBytes);
  return { traceId, body, report: await reports.next(id) };
}

async function previewOnError(response: Response): Promise<string> {
  return response.status === 200 ? '' : (await response.clone().text()).slice(0, 300);
}
