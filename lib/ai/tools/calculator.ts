/**
 * A safe arithmetic evaluator for the calculator tool: numbers, + - * / % ^, parentheses and unary
 * signs — parsed by hand, never `eval`. Throws a `CalculatorError` naming the problem.
 */
export class CalculatorError extends Error {
  override name = 'CalculatorError';
}

export const MAX_EXPRESSION_LENGTH = 200;

type Token = { type: 'num'; value: number } | { type: 'op'; value: string };

export function evaluateExpression(expression: string): number {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw new CalculatorError(`expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  }
  const tokens = tokenize(expression.replace(/[×x]/g, '*').replace(/÷/g, '/'));
  if (tokens.length === 0) throw new CalculatorError('expression is empty');
  let position = 0;
  const peek = () => tokens[position];
  const take = () => tokens[position++];

  const primary = (): number => {
    const token = take();
    if (!token) throw new CalculatorError('expression ends too early');
    if (token.type === 'num') return token.value;
    if (token.value === '(') {
      const value = sum();
      if (take()?.value !== ')') throw new CalculatorError('missing ")"');
      return value;
    }
    if (token.value === '-') return -unary();
    if (token.value === '+') return unary();
    throw new CalculatorError(`unexpected "${token.value}"`);
  };
  const unary = (): number => primary();
  const power = (): number => {
    const base = unary();
    if (peek()?.value === '^') {
      take();
      return base ** power(); // right-associative
    }
    return base;
  };
  const product = (): number => {
    let value = power();
    for (let op = peek(); op?.type === 'op' && '*/%'.includes(op.value); op = peek()) {
      take();
      const right = power();
      if ((op.value === '/' || op.value === '%') && right === 0) throw new CalculatorError('division by zero');
      value = op.value === '*' ? value * right : op.value === '/' ? value / right : value % right;
    }
    return value;
  };
  const sum = (): number => {
    let value = product();
    for (let op = peek(); op?.type === 'op' && (op.value === '+' || op.value === '-'); op = peek()) {
      take();
      value = op.value === '+' ? value + product() : value - product();
    }
    return value;
  };

  const result = sum();
  const rest = peek();
  if (rest) throw new CalculatorError(`unexpected "${rest.type === 'num' ? rest.value : rest.value}"`);
  if (!Number.isFinite(result)) throw new CalculatorError('the result is not a finite number');
  return roundNoise(result);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|([-+*/%^()]))/y;
  let index = 0;
  while (index < source.length) {
    if (/^\s*$/.test(source.slice(index))) break;
    pattern.lastIndex = index;
    const match = pattern.exec(source);
    if (!match) throw new CalculatorError(`unexpected character "${source.slice(index).trim()[0]}"`);
    tokens.push(match[1] !== undefined ? { type: 'num', value: Number(match[1]) } : { type: 'op', value: match[2]! });
    index = pattern.lastIndex;
  }
  return tokens;
}

/** 0.1 + 0.2 → 0.3: drop floating-point noise beyond 12 significant digits. */
function roundNoise(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
