import { spawn, type ChildProcess } from 'node:child_process';
import { outputOf, type RunResult } from './process-output.ts';
import { PROJECT_ROOT } from './project-root.ts';

/**
 * How the tests start the project's programs: `bun run start` runs
 * `bun --env-file=.env <entry>`; a test gives the whole environment itself, so
 * no .env file is read at all (bunfig.toml says so too; the flag holds wherever
 * the program is started from).
 */
export const PROGRAM_FLAGS: readonly string[] = ['--no-env-file'];

/** Starts `bun <args>` with exactly `env`, in the project root unless `cwd` is given. */
export function spawnBun(args: readonly string[], env: Record<string, string>, cwd: string = PROJECT_ROOT): ChildProcess {
  return spawn(process.execPath, [...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs `bun <args>` to completion, feeding `input` on stdin. */
export const runBun = (args: readonly string[], env: Record<string, string>, input = '', cwd?: string): Promise<RunResult> =>
  outputOf(spawnBun(args, env, cwd), input);

/** Starts one of the project's programs as `start` runs it: Bun runs the TypeScript directly. */
export const spawnProgram = (file: string, args: string[], env: Record<string, string>): ChildProcess =>
  spawnBun([...PROGRAM_FLAGS, file, ...args], env);

/** Runs one of the project's programs to completion, feeding `input` on stdin. */
export const runProgram = (file: string, args: string[], env: Record<string, string>, input = ''): Promise<RunResult> =>
  outputOf(spawnProgram(file, args, env), input);
