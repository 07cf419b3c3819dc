import Anthropic from '@anthropic-ai/sdk';
import type { Config } from '../config/env.ts';
import { toAiError } from './errors.ts';
import { sdkLimits } from './sdk-limits.ts';
import { SYSTEM_PROMPT } from './system-prompt.ts';
import type { Provider } from './types.ts';

/**
 * Anthropic through the Messages API. The SDK client keeps the key as a public
 * field, so it lives only in this closure: never exported, returned or logged.
 */
export function createProvider(config: Config): Provider {
  const client = new Anthropic({
    apiKey: config.ANTHROPIC_API_KEY,
    // null, not undefined: undefined would let the SDK read these variables itself, unvalidated.
    baseURL: config.ANTHROPIC_BASE_URL ?? null,
    authToken: null,
    webhookKey: null,
    // Given, so the SDK reads no ANTHROPIC_OPEN_TELEMETRY* variable (Deno's --allow-env
    // need not list them) and no variable can put prompts into trace spans.
    openTelemetry: { traces: { contentMode: 'metadata_only' } },
    ...sdkLimits(config),
  });

  return {
    name: 'anthropic',
    async complete({ input, signal }) {
      try {
        const message = await client.messages.create(
          {
            model: config.AI_MODEL,
            system: SYSTEM_PROMPT,
            messages: [{ role: 'user', content: input }],
            max_tokens: config.AI_MAX_OUTPUT_TOKENS,
          },
          { signal },
        );
        const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
        return { text, requestId: message._request_id ?? undefined };
      } catch (error) {
        throw toAiError(error, Anthropic);
      }
    },
  };
}
