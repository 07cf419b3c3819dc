import 'server-only';
import { createAi } from '../ai/client.ts';
import type { Ai } from '../ai/types.ts';
import { loadConfig, type Config } from '../config/env.ts';
import { RATE_LIMIT_WINDOW_MS } from '../http/policy.ts';
import { createRateLimiter, type RateLimiter } from '../http/rate-limiter.ts';
import { createLogger, type Logger } from '../log/logger.ts';

// `server-only` makes `next build` fail if a Client Component imports this file, so
// the AI module, the SDK client and the key can never reach the browser bundle.

/** What the chat route needs: config, logger, AI client and rate limiter. */
export interface ServerContext {
  config: Config;
  logger: Logger;
  ai: Ai;
  limiter: RateLimiter;
}

export function createServerContext(config: Config, logger: Logger = createLogger({ level: config.LOG_LEVEL })): ServerContext {
  return {
    config,
    logger,
    ai: createAi(config, logger),
    limiter: createRateLimiter({ limit: config.RATE_LIMIT_PER_MINUTE, windowMs: RATE_LIMIT_WINDOW_MS }),
  };
}

// Per bundle, not on globalThis: Next.js bundles each route apart, and an AiError
// made by one bundle's copy of the AI module is not `instanceof` another's.
let config: Config | undefined;
let context: ServerContext | undefined;

/**
 * The validated environment, read on first use: never at build time. By then
 * src/server.ts (or src/instrumentation.ts under `next dev`) has already
 * stopped the server if it was invalid.
 */
export function serverConfig(): Config {
  config ??= loadConfig();
  return config;
}

/** The chat route's context, built on its first request. */
export function serverContext(): ServerContext {
  context ??= createServerContext(serverConfig());
  return context;
}
