/**
 * How the offline model uses tools, deterministically: a message that asks to calculate or convert
 * gets a tool call (when the tool is offered); once the tool's result is in the prompt, the answer
 * states it. So tool turns — and their TOOL spans — are testable with no key.
 */
import type { LanguageModelV4Prompt, LanguageModelV4ToolResultOutput } from '@ai-sdk/provider';
import { CALCULATOR_TOOL, CONVERT_UNITS_TOOL } from './tools/chat-tools';

export interface PlannedToolCall {
  toolName: string;
  input: Record<string, unknown>;
}

const CALCULATE = /\b(?:calculate|compute|evaluate|what is|what's)\s+([-+*/%^().\d\s×÷x]*\d[-+*/%^().\d\s×÷x]*)/i;
const CONVERT = /\bconvert\s+(-?\d+(?:\.\d+)?)\s*([a-z°]+)\s+(?:to|into|in)\s+([a-z°]+)/i;

/** The tool call a user message asks for, if the tool is available. */
export function planToolCall(userText: string, availableTools: readonly string[]): PlannedToolCall | undefined {
  const conversion = CONVERT.exec(userText);
  if (conversion && availableTools.includes(CONVERT_UNITS_TOOL)) {
    return { toolName: CONVERT_UNITS_TOOL, input: { value: Number(conversion[1]), from: conversion[2], to: conversion[3] } };
  }
  const calculation = CALCULATE.exec(userText);
  const expression = calculation?.[1]?.trim().replace(/[?.!\s]+$/, '');
  if (expression && /[-+*/%^×÷x]/.test(expression) && availableTools.includes(CALCULATOR_TOOL)) {
    return { toolName: CALCULATOR_TOOL, input: { expression } };
  }
  return undefined;
}

export interface ToolOutcome {
  toolName: string;
  output: LanguageModelV4ToolResultOutput;
}

/** Tool results that arrived after the last user message (the step after a tool call). */
export function toolResultsSinceLastUser(prompt: LanguageModelV4Prompt): ToolOutcome[] {
  const lastUser = prompt.findLastIndex((message) => message.role === 'user');
  return prompt.slice(lastUser + 1).flatMap((message) =>
    message.role === 'tool'
      ? message.content.flatMap((part) => (part.type === 'tool-result' ? [{ toolName: part.toolName, output: part.output }] : []))
      : [],
  );
}

/** The answer that reports tool results in words. */
export function answerFromToolResults(results: readonly ToolOutcome[]): string {
  return results.map(describeResult).join(' ');
}

function describeResult({ toolName, output }: ToolOutcome): string {
  if (output.type === 'error-text' || output.type === 'error-json') {
    const reason = output.type === 'error-text' ? output.value : JSON.stringify(output.value);
    return `The ${toolName} tool could not do that: ${reason.replace(/^\w*Error: /, '')}.`;
  }
  const value = output.type === 'json' ? output.value : output.type === 'text' ? output.value : undefined;
  if (toolName === CALCULATOR_TOOL && isRecord(value)) return `${String(value.expression)} = ${String(value.result)}.`;
  if (toolName === CONVERT_UNITS_TOOL && isRecord(value)) {
    return `${String(value.value)} ${String(value.from)} is ${String(value.result)} ${String(value.to)}.`;
  }
  return `The ${toolName} tool returned ${JSON.stringify(value)}.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
