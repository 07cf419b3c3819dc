import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { childEnv } from './env.ts';
import { spawnProgram } from './run.ts';

export interface ServerProcess {
  url: string;
  output: { stdout: string; stderr: string };
  /** SIGTERM, then the exit code. */
  stop: () => Promise<number | null>;
}

const running = new Set<ChildProcess>();
// A failed assertion must not leave a server behind (it would hang the test run).
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts the real `src/server.ts` on 127.0.0.1:0 with exactly `vars` (plus the child
 * defaults of env.ts), and waits for the JSON log line that names the bound port.
 */
export async function startServerProcess(vars: Record<string, string | undefined>): Promise<ServerProcess> {
  const child = spawnProgram('src/server.ts', [], childEnv({ HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...vars }));
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.stderr}`)));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output.stderr += chunk;
      // Only complete lines: a chunk can end in the middle of one.
      const line = output.stderr.split('\n').slice(0, -1).find((entry) => entry.includes('"msg":"server.listening"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    const exited = once(child, 'exit');
    // Through process.kill, not child.kill: Deno's child_process reports any child it
    // signalled itself as killed (code null), even one that then exited 0.
    process.kill(child.pid!, 'SIGTERM');
    const [code] = (await exited) as [number | null];
    return code;
  };
  return { url: `http://127.0.0.1:${port}`, output, stop };
}
