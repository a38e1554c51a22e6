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

/** `llm.tools.N.tool.json_schema` on an LLM span: each offered tool in OpenAI's function format. */
export function getLLMToolsAttributes(tools: readonly ToolDefinition[]): Attributes {
  const attributes: Attributes = {};
  tools.slice(0, MAX_FLATTENED_TOOLS).forEach((tool, i) => {
    attributes[`${ATTR.LLM_TOOLS}.${i}.${ATTR.TOOL_JSON_SCHEMA}`] = JSON.stringify({
      type: 'function',
      function: { name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.parameters },
    });
  });
  return attributes;
}

export interface ToolExecutionStart {
  tool: ToolDefinition;
  toolCallId: string;
  /** The arguments the model passed. */
  input: unknown;
}

/** Attributes of a TOOL span known when the tool starts running. */
export function getToolStartAttributes(start: ToolExecutionStart): Attributes {
  return {
    [ATTR.TOOL_NAME]: start.tool.name,
    ...(start.tool.description ? { [ATTR.TOOL_DESCRIPTION]: start.tool.description } : {}),
    [ATTR.TOOL_PARAMETERS]: JSON.stringify(start.tool.parameters ?? {}),
    // `tool.id` on a TOOL span: the id of the tool call it executes (OpenInference TOOL_ID).
    [ATTR.TOOL_ID]: start.toolCallId,
    [ATTR.INPUT_VALUE]: JSON.stringify(start.input ?? null),
    [ATTR.INPUT_MIME_TYPE]: MimeType.JSON,
  };
}

/** Attributes of a TOOL span known when the tool returns: its result. */
export function getToolEndAttributes(output: unknown): Attributes {
  return typeof output === 'string'
    ? { [ATTR.OUTPUT_VALUE]: output, [ATTR.OUTPUT_MIME_TYPE]: MimeType.TEXT }
    : { [ATTR.OUTPUT_VALUE]: JSON.stringify(output ?? null), [ATTR.OUTPUT_MIME_TYPE]: MimeType.JSON };
}
