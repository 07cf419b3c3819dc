import OpenAI from 'openai';
import type { Config } from '../config/env.ts';
import { toAiError } from './errors.ts';
import { sdkLimits } from './sdk-limits.ts';
import { SYSTEM_PROMPT } from './system-prompt.ts';
import type { Provider } from './types.ts';

/**
 * OpenAI through the Responses API. The SDK client keeps the key as a public
 * field, so it lives only in this closure: never exported, returned or logged.
 */
export function createProvider(config: Config): Provider {
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY,
    // null, not undefined: undefined would let the SDK read the variable itself, unvalidated.
    baseURL: config.OPENAI_BASE_URL ?? null,
    // Nor these, which .env.example does not list: the organization and project headers,
    // and other keys the client would hold as public fields (Deno could not read them anyway).
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    ...sdkLimits(config),
  });

  return {
    name: 'openai',
    async complete({ input, signal }) {
      try {
        const response = await client.responses.create(
          {
            model: config.AI_MODEL,
            instructions: SYSTEM_PROMPT,
            input: [{ role: 'user', content: input }],
            max_output_tokens: config.AI_MAX_OUTPUT_TOKENS,
            // Prompts are not kept on OpenAI's side for later retrieval.
            store: false,
          },
          { signal },
        );
        return { text: response.output_text, requestId: response._request_id ?? undefined };
      } catch (error) {
        throw toAiError(error, OpenAI);
      }
    },
  };
}
