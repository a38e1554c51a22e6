/**
 * The chat's tools: no network, deterministic, executed by the AI SDK (bounded steps). Their errors
 * are thrown, so the AI SDK reports a tool error to the model and the TOOL span records it.
 */
import { tool } from 'ai';
import { z } from 'zod';
import { evaluateExpression, MAX_EXPRESSION_LENGTH } from './calculator';
import { convertUnits } from './unit-conversion';

export const CALCULATOR_TOOL = 'calculator';
export const CONVERT_UNITS_TOOL = 'convert_units';
/** Most model steps in one turn (a tool call and the answer that uses it take two). */
export const MAX_TOOL_STEPS = 5;

export const chatTools = {
  [CALCULATOR_TOOL]: tool({
    description: 'Evaluates an arithmetic expression with + - * / % ^ and parentheses, exactly.',
    inputSchema: z.object({
      expression: z.string().min(1).max(MAX_EXPRESSION_LENGTH).describe('e.g. "17 * 23" or "(2 + 3) ^ 2"'),
    }),
    execute: async ({ expression }) => ({ expression, result: evaluateExpression(expression) }),
  }),
  [CONVERT_UNITS_TOOL]: tool({
    description: 'Converts a value between units of length (mm cm m km in ft yd mi), mass (g kg oz lb) or temperature (c f k).',
    inputSchema: z.object({
      value: z.number().describe('the amount to convert'),
      from: z.string().min(1).max(32).describe('unit to convert from, e.g. "km"'),
      to: z.string().min(1).max(32).describe('unit to convert to, e.g. "mi"'),
    }),
    execute: async ({ value, from, to }) => convertUnits(value, from, to),
  }),
};

export type ChatTools = typeof chatTools;
