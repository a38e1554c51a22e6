import { describe, expect, it } from 'vitest';
import {
  describeProblem,
  firstSet,
  readBoolean,
  readDurationMs,
  readHeaders,
  readInteger,
  readList,
  readNumber,
  readOneOf,
  readSecret,
  readText,
  readUrl,
} from './env-rules';

describe('env rules: one per kind of value', () => {
  it('boolean: 1/true/yes/on and 0/false/no/off, any case, trimmed; blank is unset; anything else is invalid', () => {
    for (const on of ['1', 'true', 'TRUE', ' yes ', 'On']) expect(readBoolean({ X: on }, 'X', false), on).toEqual({ value: true });
    for (const off of ['0', 'false', 'No', ' off']) expect(readBoolean({ X: off }, 'X', true), off).toEqual({ value: false });
    expect(readBoolean({ X: '  ' }, 'X', true)).toEqual({ value: true });
    expect(readBoolean({}, 'X', undefined)).toEqual({ value: undefined });
    const bad = readBoolean({ X: 'enabled' }, 'X', false);
    expect(bad.value).toBe(false);
    expect(bad.problem).toEqual({ variable: 'X', raw: 'enabled', expected: 'one of 1, true, yes, on / 0, false, no, off', using: 'off' });
  });

  it('integer and duration: decimal digits within bounds, else the fallback', () => {
    expect(readInteger({ N: '42' }, 'N', 7)).toEqual({ value: 42 });
    expect(readInteger({ N: ' 0 ' }, 'N', 7)).toEqual({ value: 0 });
    expect(readInteger({ N: '0' }, 'N', 7, { min: 1 }).problem?.expected).toBe('a whole number >= 1');
    for (const bad of ['-1', '1.5', '1e3', '0x10', 'abc', '5000.0', '+5']) expect(readInteger({ N: bad }, 'N', 7).value, bad).toBe(7);
    expect(readInteger({ N: '11' }, 'N', 7, { min: 1, max: 10 }).problem?.expected).toBe('a whole number from 1 to 10');
    const duration = readDurationMs({ D: 'soon' }, 'D', 5000);
    expect(duration).toEqual({ value: 5000, problem: { variable: 'D', raw: 'soon', expected: 'a whole number of milliseconds >= 0', using: '5000' } });
  });

  it('number: a finite decimal within bounds', () => {
    expect(readNumber({ R: '0.25' }, 'R', 1, { min: 0, max: 1 })).toEqual({ value: 0.25 });
    expect(readNumber({ R: '2' }, 'R', 1, { min: 0, max: 1 }).problem?.using).toBe('1');
    expect(readNumber({ R: 'NaN' }, 'R', 1).value).toBe(1);
  });

  it('url: absolute http(s) only; a password in an invalid value is never echoed', () => {
    expect(readUrl({ U: 'https://phoenix.example/s/me' }, 'U', undefined)).toEqual({ value: 'https://phoenix.example/s/me' });
    expect(readUrl({ U: 'ftp://host' }, 'U', undefined).problem?.expected).toBe('an http:// or https:// URL');
    expect(readUrl({ U: 'localhost:6006' }, 'U', 'http://d').value).toBe('http://d');
    expect(readUrl({ U: 'htp://user:hunter2-secret@host' }, 'U', undefined).problem?.raw).not.toContain('hunter2');
  });

  it('oneOf: case-insensitive, returned lowercase', () => {
    expect(readOneOf({ M: ' PEER ' }, 'M', ['openinference', 'off', 'peer'], 'openinference')).toEqual({ value: 'peer' });
    expect(readOneOf({ M: 'nonsense' }, 'M', ['openinference', 'off', 'peer'], 'openinference').problem).toMatchObject({ expected: 'one of openinference, off, peer', using: 'openinference' });
  });

  it('list and headers: comma-separated; a malformed header entry is dropped and named by key only', () => {
    expect(readList({ L: ' a, b ,,c ' }, 'L')).toEqual({ value: ['a', 'b', 'c'] });
    const headers = readHeaders({ H: 'a=1, B = two%20words ,broken,x=%E0%A4%A' }, 'H');
    expect(headers.value).toEqual({ a: '1', b: 'two words', x: '%E0%A4%A' });
    expect(headers.problem?.expected).toContain('"broken"');
    expect(headers.problem?.raw).toBeUndefined();
  });

  it('secret: never echoed, optionally a minimum length', () => {
    expect(readSecret({ K: ' sk-123 ' }, 'K')).toEqual({ value: 'sk-123' });
    const short = readSecret({ K: 'short-secret' }, 'K', { minLength: 32, using: 'a random key' });
    expect(short).toEqual({ value: undefined, problem: { variable: 'K', expected: 'at least 32 characters (got 12)', using: 'a random key' } });
    expect(describeProblem(short.problem!)).toBe('K (value not shown) is invalid: expected at least 32 characters (got 12); using a random key.');
  });

  it('text, with an optional pattern; firstSet picks the first variable that is set', () => {
    expect(readText({ T: ' mine ' }, 'T', 'default')).toEqual({ value: 'mine' });
    expect(readText({ T: 'a/b' }, 'T', 'default', { pattern: /^[a-z]+$/, expected: 'letters' }).value).toBe('default');
    expect(firstSet({ B: '1' }, ['A', 'B'])).toBe('B');
    expect(firstSet({ A: ' ', B: '1' }, ['A', 'B'])).toBe('B');
    expect(firstSet({}, ['A', 'B'])).toBe('A');
  });

  it('describes a problem in one line with the variable, the raw value, what was expected and what is used', () => {
    expect(describeProblem({ variable: 'OTEL_BSP_SCHEDULE_DELAY', raw: 'abc', expected: 'a whole number of milliseconds >= 0', using: '5000' })).toBe(
      'OTEL_BSP_SCHEDULE_DELAY="abc" is invalid: expected a whole number of milliseconds >= 0; using 5000.',
    );
  });
});
