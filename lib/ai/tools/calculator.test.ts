import { describe, expect, it } from 'vitest';
import { CalculatorError, evaluateExpression } from './calculator';

describe('evaluateExpression', () => {
  it.each([
    ['17*23', 391],
    ['2 + 3 * 4', 14],
    ['(2 + 3) * 4', 20],
    ['2 ^ 3 ^ 2', 512],
    ['-5 + +2', -3],
    ['10 / 4', 2.5],
    ['10 % 4', 2],
    ['0.1 + 0.2', 0.3],
    ['17 × 23', 391],
    ['.5 * 4', 2],
  ])('%s = %d', (expression, expected) => {
    expect(evaluateExpression(expression)).toBe(expected);
  });

  it.each([
    ['', 'expression is empty'],
    ['1 / 0', 'division by zero'],
    ['2 +', 'expression ends too early'],
    ['(1 + 2', 'missing ")"'],
    ['1 2', 'unexpected "2"'],
    ['process.exit()', 'unexpected character "p"'],
    ['9 ^ 999', 'the result is not a finite number'],
    ['1+'.repeat(150) + '1', 'longer than 200'],
  ])('rejects %j', (expression, message) => {
    expect(() => evaluateExpression(expression)).toThrow(CalculatorError);
    expect(() => evaluateExpression(expression)).toThrow(message);
  });
});
