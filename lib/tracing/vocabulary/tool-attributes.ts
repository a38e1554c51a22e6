import { getInputAttributes, getLLMAttributes, getOutputAttributes, getToolAttributes, safelyJSONStringify } from '@arizeai/openinference-core';
import type { Attributes } from '@opentelemetry/api';
import { ATTR, MimeType } from './semconv';
import { MAX_FLATTENED_TOOLS } from './attribute-budget';

/** A tool as the model is told about it (the provider's function-tool definition). */
export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the tool's input. */
  parameters: unknown;
}

/**
 * `llm.tools.N.tool.json_schema` on an LLM span (openinference-core's `getLLMAttributes`): each offered
 * tool in OpenAI's function format, at most `MAX_FLATTENED_TOOLS` (our attribute budget).
 */
export function getLLMToolsAttributes(tools: readonly ToolDefinition[]): Attributes {
  return getLLMAttributes({
    tools: tools.slice(0, MAX_FLATTENED_TOOLS).map((tool) => ({
      jsonSchema: {
        type: 'function',
        function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.parameters },
      },
    })),
  });
}

export interface ToolExecutionStart {
  tool: ToolDefinition;
  toolCallId: string;
  /** The arguments the model passed. */
  input: unknown;
}

/** Attributes of a TOOL span known when the tool starts running (openinference-core's tool and input helpers). */
export function getToolStartAttributes(start: ToolExecutionStart): Attributes {
  return {
    ...getToolAttributes({
      name: start.tool.name,
      description: start.tool.description || undefined,
      parameters: (start.tool.parameters ?? {}) as Record<string, unknown>,
    }),
    // `tool.id` on a TOOL span: the id of the tool call it executes (OpenInference TOOL_ID; no helper in openinference-core).
    [ATTR.TOOL_ID]: start.toolCallId,
    // Always JSON (the AI SDK's tool input is a JSON value): core's `toInputType` would make a string argument text.
    ...getInputAttributes({ value: json(start.input), mimeType: MimeType.JSON }),
  };
}

/** Attributes of a TOOL span known when the tool returns: its result (a string as text, anything else as JSON). */
export function getToolEndAttributes(output: unknown): Attributes {
  return getOutputAttributes(typeof output === 'string' ? output : { value: json(output), mimeType: MimeType.JSON });
}

/** JSON of a tool's value; `null` for none (a tool that returned nothing did return), `{}` if it cannot be serialized. */
const json = (value: unknown): string => safelyJSONStringify(value ?? null) ?? '{}';
