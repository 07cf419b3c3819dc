import { ConfigError, loadConfig, type Config } from './env.ts';

/** Exit code for a configuration error, so scripts can tell it from a runtime failure (1). */
export const CONFIG_ERROR_EXIT_CODE = 2;

/**
 * Loads the config or stops the process with one line on stderr. The line
 * names the bad variables only, so it is safe to show in CI logs.
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(CONFIG_ERROR_EXIT_CODE);
  }
}
