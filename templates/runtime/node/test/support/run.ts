import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from './project-root.ts';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `node <args>` in the project root with exactly `env`. */
export function spawnNode(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs `node <args>` to completion, feeding `input` on stdin. */
export function runNode(args: string[], env: Record<string, string>, input = '', timeoutMs = 20_000): Promise<RunResult> {
  const child = spawnNode(args, env);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin?.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
