/**
 * Wraps the tools of a turn so each execution is an OpenInference TOOL span, child of the turn span:
 * name, description, parameters schema and arguments when it starts; the result when it returns;
 * ERROR with the exception when it throws (the error is rethrown, so the AI SDK reports it to the model).
 */
import { asSchema, type ToolSet } from 'ai';
import type { Context } from '@opentelemetry/api';
import { OpenInferenceSpanKind } from './semconv';
import { outcomeOfAbort, startSpan } from './span-lifecycle';
import { getToolEndAttributes, getToolStartAttributes } from './tool-attributes';

export function traceTools<TOOLS extends ToolSet>(tools: TOOLS, parent: Context): TOOLS {
  const traced: ToolSet = {};
  for (const [name, tool] of Object.entries(tools)) {
    const execute = tool.execute;
    if (!execute) {
      traced[name] = tool;
      continue;
    }
    traced[name] = {
      ...tool,
      execute: async (input: unknown, options: Parameters<typeof execute>[1]) => {
        const parameters = await parametersOf(tool);
        const span = startSpan({
          name: `tool ${name}`,
          kind: OpenInferenceSpanKind.TOOL,
          parent,
          attributes: getToolStartAttributes({
            tool: { name, description: typeof tool.description === 'string' ? tool.description : undefined, parameters },
            toolCallId: options.toolCallId,
            input,
          }),
        });
        try {
          const output: unknown = await execute(input as never, options);
          span.end({ type: 'ok' }, getToolEndAttributes(output));
          return output;
        } catch (error) {
          span.end(options.abortSignal?.aborted ? outcomeOfAbort(options.abortSignal) : { type: 'error', error });
          throw error;
        }
      },
    } as ToolSet[string];
  }
  return traced as TOOLS;
}

/**
 * A tool's input JSON Schema, converted once per tool object (zod → JSON Schema costs hundreds of µs,
 * and the same tool objects are offered on every turn).
 */
const schemas = new WeakMap<object, Promise<unknown>>();
function parametersOf(tool: ToolSet[string]): Promise<unknown> {
  let schema = schemas.get(tool);
  if (!schema) {
    schema = Promise.resolve(asSchema(tool.inputSchema).jsonSchema);
    schemas.set(tool, schema);
  }
  return schema;
}
