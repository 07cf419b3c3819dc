import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import { RateLimitedError } from './fastify-errors.ts';
import { RATE_LIMIT_WINDOW_MS } from './policy.ts';

/**
 * @fastify/rate-limit as every Fastify variant uses it: `max` requests per client per
 * window, the draft-spec headers, and a thrown RateLimitedError so our error handler
 * answers 429 in our shape with Retry-After.
 */
export function rateLimitOptions(max: number): RateLimitPluginOptions {
  return {
    max,
    timeWindow: RATE_LIMIT_WINDOW_MS,
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
  };
}
