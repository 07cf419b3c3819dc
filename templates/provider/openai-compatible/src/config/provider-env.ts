import { baseUrl, requiredString } from './fields.ts';

// Any server that speaks the OpenAI Chat Completions API (Ollama, vLLM, LM Studio,
// gateways). There is no sensible default endpoint or model, so both are required.
export const providerEnv = {
  // Servers that ignore keys (such as Ollama) accept any non-empty value.
  AI_API_KEY: requiredString(),
  AI_BASE_URL: baseUrl(),
  AI_MODEL: requiredString(),
};
