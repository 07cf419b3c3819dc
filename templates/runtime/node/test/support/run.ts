import { spawn, type ChildProcess } from 'node:child_process';
import { outputOf, type RunResult } from './process-output.ts';
import { PROJECT_ROOT } from './project-root.ts';

/** Starts `node <args>` in the project root with exactly `env`. */
export function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs `node <args>` to completion, feeding `input` on stdin. */
export const runNode = (args: string[], env: Record<string, string>, input = '', timeoutMs?: number): Promise<RunResult> =>
  outputOf(spawnNode(args, env), input, timeoutMs);

/** Starts one of the project's programs as `start` runs it: Node runs the TypeScript directly. */
export const spawnProgram = (file: string, args: string[], env: Record<string, string>): ChildProcess => spawnNode([file, ...args], env);

/** Runs one of the project's programs to completion, feeding `input` on stdin. */
export const runProgram = (file: string, args: string[], env: Record<string, string>, input = ''): Promise<RunResult> =>
  outputOf(spawnProgram(file, args, env), input);
