import OpenAI from 'openai';
import type { Config } from '../config/env.ts';
import { toAiError } from './errors.ts';
import { sdkLimits } from './sdk-limits.ts';
import { SYSTEM_PROMPT } from './system-prompt.ts';
import type { Provider } from './types.ts';

/**
 * An OpenAI-compatible server through Chat Completions, the API such servers
 * implement. The SDK client keeps the key as a public field, so it lives only
 * in this closure: never exported, returned or logged.
 */
export function createProvider(config: Config): Provider {
  const client = new OpenAI({
    apiKey: config.AI_API_KEY,
    baseURL: config.AI_BASE_URL,
    // The SDK would otherwise send OPENAI_ORG_ID / OPENAI_PROJECT_ID to a third party.
    organization: null,
    project: null,
    // Nor hold OPENAI_ADMIN_KEY / OPENAI_WEBHOOK_SECRET as public fields of the client.
    adminAPIKey: null,
    webhookSecret: null,
    ...sdkLimits(config),
  });

  return {
    name: 'openai-compatible',
    async complete({ input, signal }) {
      try {
        const completion = await client.chat.completions.create(
          {
            model: config.AI_MODEL,
            messages: [
              { role: 'system', content: SYSTEM_PROMPT },
              { role: 'user', content: input },
            ],
            // `max_tokens`, not `max_completion_tokens`: the one Ollama and vLLM read.
            max_tokens: config.AI_MAX_OUTPUT_TOKENS,
          },
          { signal },
        );
        const text = completion.choices[0]?.message.content ?? '';
        return { text, requestId: completion._request_id ?? undefined };
      } catch (error) {
        throw toAiError(error, OpenAI);
      }
    },
  };
}
