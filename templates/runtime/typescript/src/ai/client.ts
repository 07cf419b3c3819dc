import type { Config } from '../config/env.ts';
import type { Logger } from '../log/logger.ts';
import { AiError } from './errors.ts';
import { validateInput } from './input.ts';
import { createProvider } from './provider.ts';
import type { Ai } from './types.ts';

/**
 * The app's only way to call the AI. Input is checked before the provider is
 * touched; logs carry kind, status and request id, never the prompt or reply.
 */
export function createAi(config: Config, logger: Logger): Ai {
  const provider = createProvider(config);
  return {
    async complete({ input, signal }) {
      const started = performance.now();
      try {
        const text = validateInput(input, config.AI_MAX_INPUT_CHARS);
        const result = await provider.complete({ input: text, signal });
        logger.info('ai.complete', {
          provider: provider.name,
          requestId: result.requestId,
          durationMs: Math.round(performance.now() - started),
        });
        return { text: result.text };
      } catch (error) {
        const fields = { provider: provider.name, durationMs: Math.round(performance.now() - started) };
        if (error instanceof AiError) {
          const { kind, upstreamStatus, requestId, inputProblem } = error;
          logger.warn('ai.error', { ...fields, kind, upstreamStatus, requestId, inputProblem });
        } else {
          logger.error('ai.unexpected_error', { ...fields, error });
        }
        throw error;
      }
    },
  };
}
