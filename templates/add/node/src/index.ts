import { createAi } from './ai/client.ts';
import type { Ai } from './ai/types.ts';
import { loadConfig, type Config } from './config/env.ts';
import { createLogger, type Logger } from './log/logger.ts';

export { AiError } from './ai/errors.ts';
export { ConfigError } from './config/env.ts';
export type { Ai, Config, Logger };

/** Everything the rest of the app needs to call the AI safely. */
export interface SecureAi {
  config: Config;
  logger: Logger;
  ai: Ai;
}

/**
 * Reads and validates the environment once and builds the AI client. Call it at
 * startup, not per request: a bad variable throws a ConfigError that names the
 * variable and never its value, so the app fails fast before taking traffic.
 */
export function createSecureAi(env: Record<string, string | undefined> = process.env): SecureAi {
  const config = loadConfig(env);
  const logger = createLogger({ level: config.LOG_LEVEL });
  return { config, logger, ai: createAi(config, logger) };
}
