import type { Attributes } from '@opentelemetry/api';
import type { ModelEndpoint } from './model-identity';
import { ATTR } from './semconv';

/** `url.full` and `url.path` of a model call; nothing when the endpoint is not known (the offline model). Ours: OpenTelemetry keys, no openinference-core helper. */
export function getEndpointAttributes(endpoint: ModelEndpoint | undefined): Attributes {
  return endpoint ? { [ATTR.URL_FULL]: endpoint.full, [ATTR.URL_PATH]: endpoint.path } : {};
}
