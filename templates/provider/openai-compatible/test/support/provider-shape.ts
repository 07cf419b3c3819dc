import type { ProviderShape } from './types.ts';

type Body = {
  messages?: Array<{ role?: unknown; content?: unknown }>;
  max_tokens?: unknown;
  model?: unknown;
};

const textsFor = (body: unknown, roles: readonly unknown[]) =>
  ((body as Body).messages ?? []).filter((item) => roles.includes(item.role)).map((item) => String(item.content));

/** Chat Completions as Ollama, vLLM and other compatible servers speak it. */
export const providerShape: ProviderShape = {
  keyEnv: 'AI_API_KEY',
  baseUrlEnv: 'AI_BASE_URL',
  baseUrlSuffix: '/v1',
  // No default model for a server we know nothing about.
  requiredEnv: { AI_MODEL: 'fake-model' },
  endpointPath: '/v1/chat/completions',
  requestIdHeader: 'x-request-id',
  okBody: (text) => ({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: 'fake-model',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: text } }],
  }),
  errorBody: (status, message) => ({
    error: { message, type: status === 401 ? 'invalid_request_error' : 'api_error', code: null, param: null },
  }),
  userTexts: (body) => textsFor(body, ['user']),
  systemTexts: (body) => textsFor(body, ['system', 'developer']),
  outputCap: (body) => (body as Body).max_tokens,
  model: (body) => (body as Body).model,
};
