import type { ProviderShape } from './types.ts';

type Body = {
  system?: unknown;
  messages?: Array<{ role?: unknown; content?: unknown }>;
  max_tokens?: unknown;
  model?: unknown;
};

/** The Messages API as the fake provider speaks it. */
export const providerShape: ProviderShape = {
  keyEnv: 'ANTHROPIC_API_KEY',
  baseUrlEnv: 'ANTHROPIC_BASE_URL',
  baseUrlSuffix: '',
  requiredEnv: {},
  endpointPath: '/v1/messages',
  requestIdHeader: 'request-id',
  okBody: (text) => ({
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model: 'fake-model',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 1, output_tokens: 1 },
  }),
  errorBody: (status, message) => ({
    type: 'error',
    error: { type: status === 401 ? 'authentication_error' : 'api_error', message },
  }),
  userTexts: (body) =>
    ((body as Body).messages ?? []).filter((item) => item.role === 'user').map((item) => String(item.content)),
  systemTexts: (body) => {
    const { system } = body as Body;
    return system === undefined ? [] : [typeof system === 'string' ? system : JSON.stringify(system)];
  },
  outputCap: (body) => (body as Body).max_tokens,
  model: (body) => (body as Body).model,
};
