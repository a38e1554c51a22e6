/**
 * Gemini names the model that answered in every response (`modelVersion`, e.g. `gemini-2.5-flash`
 * for the alias `gemini-flash-latest`), but @ai-sdk/google does not parse it into its
 * `response-metadata` part. This wrapper reads it from the raw chunks and reports it the standard
 * way, so the traced model records it like any provider's (`llm.response.model_name`). Raw chunks
 * reach the caller only if it asked for them.
 */
import type { LanguageModelV4, LanguageModelV4StreamPart } from '@ai-sdk/provider';

export function withGoogleModelVersion(model: LanguageModelV4): LanguageModelV4 {
  return {
    specificationVersion: 'v4',
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    async doGenerate(options) {
      const result = await model.doGenerate(options);
      const modelVersion = modelVersionOf(result.response?.body);
      if (!modelVersion || result.response?.modelId) return result;
      return { ...result, response: { ...result.response, modelId: modelVersion } };
    },
    async doStream(options) {
      const result = await model.doStream({ ...options, includeRawChunks: true });
      return { ...result, stream: result.stream.pipeThrough(reportModelVersion(options.includeRawChunks === true)) };
    },
  };
}

function reportModelVersion(passRawChunks: boolean): TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart> {
  let reported = false;
  return new TransformStream({
    transform(part, controller) {
      if (part.type !== 'raw') return controller.enqueue(part);
      const modelVersion = reported ? undefined : modelVersionOf(part.rawValue);
      if (modelVersion) {
        reported = true;
        controller.enqueue({ type: 'response-metadata', modelId: modelVersion });
      }
      if (passRawChunks) controller.enqueue(part);
    },
  });
}

function modelVersionOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as { modelVersion?: unknown }).modelVersion;
  return typeof value === 'string' && value !== '' ? value : undefined;
}
