/**
 * `llm.provider` and `llm.system` for a configured endpoint. Phoenix picks its price table and its
 * Playground client by `llm.provider`, so a wrong value misleads both: the provider is inferred from
 * well-known API hosts, `CHAT_LLM_PROVIDER` names it for any other host, and an unknown host gets
 * no `llm.provider` at all (never a guess such as `openai` for a local vLLM).
 */
import { LLMProvider, LLMSystem } from '@/lib/tracing/vocabulary/semconv';

/** Hosts whose owner is certain, as OpenInference `LLMProvider` values. `*.` matches any subdomain. */
const KNOWN_HOSTS: ReadonlyArray<readonly [host: string, provider: string]> = [
  ['api.openai.com', LLMProvider.OPENAI],
  ['*.openai.azure.com', LLMProvider.AZURE],
  ['*.cognitiveservices.azure.com', LLMProvider.AZURE],
  ['*.services.ai.azure.com', LLMProvider.AZURE],
  ['api.anthropic.com', LLMProvider.ANTHROPIC],
  ['generativelanguage.googleapis.com', LLMProvider.GOOGLE],
  ['aiplatform.googleapis.com', LLMProvider.GOOGLE],
  ['*-aiplatform.googleapis.com', LLMProvider.GOOGLE],
  ['api.mistral.ai', LLMProvider.MISTRALAI],
  ['api.deepseek.com', LLMProvider.DEEPSEEK],
  ['api.x.ai', LLMProvider.XAI],
  ['api.groq.com', LLMProvider.GROQ],
  ['api.fireworks.ai', LLMProvider.FIREWORKS],
  ['api.together.xyz', LLMProvider.TOGETHER],
  ['api.together.ai', LLMProvider.TOGETHER],
  ['api.perplexity.ai', LLMProvider.PERPLEXITY],
  ['api.cerebras.ai', LLMProvider.CEREBRAS],
  ['api.moonshot.ai', LLMProvider.MOONSHOT],
  ['api.moonshot.cn', LLMProvider.MOONSHOT],
  ['api.cohere.com', LLMProvider.COHERE],
  ['api.cohere.ai', LLMProvider.COHERE],
  ['bedrock-runtime.*.amazonaws.com', LLMProvider.AWS],
];

/** Ollama's own port on this machine: its OpenAI-compatible API is `http://localhost:11434/v1`. */
const OLLAMA_PORT = '11434';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `llm.system` (the API family, OpenInference `LLMSystem`) for a provider, as Phoenix maps
 * providers to systems; none for providers OpenInference gives no system (Google's Gemini API,
 * DeepSeek, xAI, Ollama, …).
 */
const SYSTEM_OF_PROVIDER: Readonly<Record<string, string>> = {
  [LLMProvider.OPENAI]: LLMSystem.OPENAI,
  [LLMProvider.AZURE]: LLMSystem.OPENAI,
  [LLMProvider.ANTHROPIC]: LLMSystem.ANTHROPIC,
  [LLMProvider.MISTRALAI]: LLMSystem.MISTRALAI,
  [LLMProvider.COHERE]: LLMSystem.COHERE,
};

/** The provider that owns `baseURL`'s host, or `undefined` when the host is not a well-known one. */
export function inferLLMProvider(baseURL: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  if (LOOPBACK.has(host) && url.port === OLLAMA_PORT) return LLMProvider.OLLAMA;
  return KNOWN_HOSTS.find(([pattern]) => hostMatches(host, pattern))?.[1];
}

function hostMatches(host: string, pattern: string): boolean {
  if (!pattern.includes('*')) return host === pattern;
  const [prefix, suffix] = pattern.split('*') as [string, string];
  return host.length > prefix.length + suffix.length && host.startsWith(prefix) && host.endsWith(suffix);
}

/**
 * `llm.provider` / `llm.system` for calls to `baseURL`: `override` (`CHAT_LLM_PROVIDER`) wins,
 * else the host's owner; the system follows from the provider.
 */
export function llmProviderIdentity(baseURL: string, override?: string): { provider?: string; system?: string } {
  const provider = override?.trim().toLowerCase() || inferLLMProvider(baseURL);
  if (!provider) return {};
  const system = SYSTEM_OF_PROVIDER[provider];
  return system ? { provider, system } : { provider };
}
