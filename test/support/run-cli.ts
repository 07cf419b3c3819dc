import { execa } from 'execa';
import { CLI } from './paths.ts';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the BUILT CLI (dist/index.mjs) as a user's shell would, without a TTY. CI is
 * cleared so tests see the same defaults a person's script would.
 */
export async function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliRun> {
  const result = await execa(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    reject: false,
    stdin: 'ignore',
    env: { CI: undefined, npm_config_user_agent: undefined, ...options.env },
    timeout: 120_000,
  });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}
