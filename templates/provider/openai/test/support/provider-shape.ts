import type { ProviderShape } from './types.ts';

type Body = {
  instructions?: unknown;
  input?: Array<{ role?: unknown; content?: unknown }> | string;
  max_output_tokens?: unknown;
  model?: unknown;
};

const inputItems = (body: unknown) => {
  const input = (body as Body).input;
  return Array.isArray(input) ? input : [{ role: 'user', content: input }];
};

/** The Responses API as the fake provider speaks it. */
export const providerShape: ProviderShape = {
  keyEnv: 'OPENAI_API_KEY',
  baseUrlEnv: 'OPENAI_BASE_URL',
  baseUrlSuffix: '/v1',
  requiredEnv: {},
  endpointPath: '/v1/responses',
  requestIdHeader: 'x-request-id',
  okBody: (text) => ({
    id: 'resp_fake',
    object: 'response',
    created_at: 0,
    status: 'completed',
    model: 'fake-model',
    output: [
      {
        type: 'message',
        id: 'msg_fake',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    ],
  }),
  errorBody: (status, message) => ({
    error: { message, type: status === 401 ? 'invalid_request_error' : 'api_error', code: null, param: null },
  }),
  userTexts: (body) => inputItems(body).filter((item) => item.role === 'user').map((item) => String(item.content)),
  systemTexts: (body) => {
    const { instructions } = body as Body;
    const roles = inputItems(body).filter((item) => item.role === 'system' || item.role === 'developer');
    return [...(typeof instructions === 'string' ? [instructions] : []), ...roles.map((item) => String(item.content))];
  },
  outputCap: (body) => (body as Body).max_output_tokens,
  model: (body) => (body as Body).model,
};
