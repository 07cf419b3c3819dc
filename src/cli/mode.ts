import type { Reporter } from '../report/result.ts';
import { jsonReporter } from '../report/json-reporter.ts';
import { plainReporter } from '../report/plain-reporter.ts';
import type { CommandLine } from './parse-args.ts';

interface ModeEnvironment {
  env: NodeJS.ProcessEnv;
  stdinIsTTY: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const isCI = (env: NodeJS.ProcessEnv): boolean => env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';

/** Prompts only for a person at a terminal: never in CI, with --yes, or with --json. */
export const isInteractive = (environment: ModeEnvironment, commandLine: CommandLine): boolean =>
  environment.stdinIsTTY && !isCI(environment.env) && !commandLine.flags.yes && !commandLine.flags.json;

export async function chooseReporter(environment: ModeEnvironment, commandLine: CommandLine, interactive: boolean): Promise<Reporter> {
  if (commandLine.flags.json) return jsonReporter(environment.stdout);
  if (interactive) return (await import('../report/interactive-reporter.ts')).interactiveReporter();
  return plainReporter(environment.stdout, environment.stderr);
}
