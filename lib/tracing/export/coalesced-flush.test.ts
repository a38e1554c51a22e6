import { describe, expect, it } from 'vitest';
import { coalesceFlushes } from './coalesced-flush';

function slowFlush(ms: number) {
  const calls: number[] = [];
  const flush = () => {
    calls.push(Date.now());
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  };
  return { flush, calls };
}

describe('coalesceFlushes', () => {
  it('makes 50 concurrent requests share one flush', async () => {
    const { flush, calls } = slowFlush(5);
    const request = coalesceFlushes(flush, 10);
    await Promise.all(Array.from({ length: 50 }, () => request()));
    expect(calls).toHaveLength(1);
  });

  it('a request made while a flush runs waits for the next one (its spans may have ended after the first began)', async () => {
    const { flush, calls } = slowFlush(30);
    const request = coalesceFlushes(flush, 0);
    const order: string[] = [];
    const first = request().then(() => order.push('first'));
    await new Promise((resolve) => setTimeout(resolve, 5)); // the first flush is running now
    const second = Array.from({ length: 10 }, () => request().then(() => order.push('second')));
    await Promise.all([first, ...second]);
    expect(calls).toHaveLength(2);
    expect(order[0]).toBe('first');
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(25); // never two at once
  });

  it('keeps working after a failed flush', async () => {
    let fail = true;
    const request = coalesceFlushes(() => (fail ? Promise.reject(new Error('down')) : Promise.resolve()), 0);
    await expect(request()).rejects.toThrow('down');
    fail = false;
    await expect(request()).resolves.toBeUndefined();
  });
});
