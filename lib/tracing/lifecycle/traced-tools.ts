/**
 * Wraps the tools of a turn so each execution is an OpenInference TOOL span, child of the turn span
 * (which ends it first, should the turn end while the tool runs), active while the tool runs:
 * name, description, parameters schema, `tool.id` and arguments when it starts; the result when it returns;
 * ERROR with the exception when it throws (the error is rethrown, so the AI SDK reports it to the model).
 */
import { asSchema, type ToolSet } from 'ai';
import { context as otelContext, type Context } from '@opentelemetry/api';
import { OpenInferenceSpanKind } from '../vocabulary/semconv';
import { abortedOrError, outcomeOfAbort, startSpan } from './span-lifecycle';
import { getToolEndAttributes, getToolStartAttributes } from '../vocabulary/tool-attributes';

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
        // Stop or the deadline while the tool runs: the span ends now, even if the tool ignores the signal.
        const signal = options.abortSignal;
        const onAbort = () => signal && span.end(outcomeOfAbort(signal));
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          // The tool runs with its TOOL span active: spans it creates are children of the TOOL span.
          const output: unknown = await otelContext.with(span.context, () => execute(input as never, options));
          span.end({ type: 'ok' }, getToolEndAttributes(output));
          return output;
        } catch (error) {
          span.end(abortedOrError(signal, error));
          throw error;
        } finally {
          signal?.removeEventListener('abort', onAbort);
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
