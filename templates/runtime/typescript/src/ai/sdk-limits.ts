import type { Config } from '../config/env.ts';

/**
 * The SDK options every provider sets the same way. The official SDKs default to a
 * 10-minute timeout and 2 retries; ours come from the validated config instead.
 * `logLevel` is pinned so OPENAI_LOG / ANTHROPIC_LOG=debug cannot make the SDK print
 * request bodies (prompts) or headers. Redirects are refused: fetch drops only the
 * `Authorization` header on a redirect to another origin, so Anthropic's `x-api-key`
 * would follow a 3xx to whatever host it names (and no provider API redirects).
 */
export function sdkLimits(config: Config) {
  return {
    timeout: config.AI_TIMEOUT_MS,
    maxRetries: config.AI_MAX_RETRIES,
    logLevel: 'warn' as const,
    fetchOptions: { redirect: 'error' as const },
  };
}
