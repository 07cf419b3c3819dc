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
    // Deno, run without the permission to read a variable, throws NotCapable naming it
    // (never its value): a configuration problem too, so one line and exit 2, no stack.
    const denied = error instanceof Error && error.name === 'NotCapable';
    if (!(error instanceof ConfigError) && !denied) throw error;
    process.stderr.write(denied ? `The environment cannot be read: ${error.message.split('\n')[0]}\n` : `${error.message}\n`);
    process.exit(CONFIG_ERROR_EXIT_CODE);
  }
}
