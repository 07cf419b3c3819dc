import { z } from 'zod';
import { LOG_LEVELS } from '../log/logger.ts';
import { appEnv } from './app-env.ts';
import { integer, oneOf } from './fields.ts';
import { providerEnv } from './provider-env.ts';

// Limits every AI call shares, whatever the provider. The bounds stop a typo
// from turning a limit off (SDK defaults are a 10-minute timeout and no output cap).
const commonEnv = {
  AI_TIMEOUT_MS: integer(30_000, 100, 120_000),
  AI_MAX_RETRIES: integer(2, 0, 5),
  AI_MAX_INPUT_CHARS: integer(4_000, 1, 100_000),
  AI_MAX_OUTPUT_TOKENS: integer(1_024, 1, 32_768),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
};

/** Every variable the app reads; `.env.example` must list exactly these keys. */
export const envSchema = z.object({ ...commonEnv, ...providerEnv, ...appEnv });

export const envKeys: readonly string[] = Object.keys(envSchema.shape);

export type Config = Readonly<z.output<typeof envSchema>>;

/** Names the bad variables only: values may be secrets and must never be echoed. */
export class ConfigError extends Error {
  readonly variables: readonly string[];

  constructor(problems: ReadonlyArray<{ variable: string; problem: string }>) {
    const list = problems.map(({ variable, problem }) => `${variable} ${problem}`).join('; ');
    super(`Invalid environment: ${list}. See .env.example.`);
    this.name = 'ConfigError';
    this.variables = problems.map(({ variable }) => variable);
  }
}

/** Validates the environment once, at startup; unknown variables are ignored. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? 'environment'), problem: issue.message })),
    );
  }
  for (const value of Object.values(result.data)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(result.data);
}
