import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { StartApp } from './app-contract.ts';
import { childEnv, fakeProviderEnv } from './env.ts';
import type { FakeProvider } from './fake-provider.ts';
import { spawnNode } from './run.ts';

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
 * Starts src/server.ts (the `next build` output, which `npm test` builds first)
 * on 127.0.0.1:0 with exactly `vars`, and waits for the log line naming the port.
 */
export async function startServerProcess(vars: Record<string, string | undefined>): Promise<ServerProcess> {
  // Next.js would also read the developer's .env files; this (its own) flag says they are
  // loaded already, so a test sees exactly `vars`, as with the other frameworks.
  const env = childEnv({ HOST: '127.0.0.1', PORT: '0', __NEXT_PROCESSED_ENV: 'true', ...vars });
  const child = spawnNode(['src/server.ts'], env);
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.stderr}`)));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output.stderr += chunk;
      const line = output.stderr.split('\n').find((entry) => entry.includes('"msg":"server.listening"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    return code;
  };
  return { url: `http://127.0.0.1:${port}`, output, stop };
}

/**
 * The Next.js adapter for the shared server tests (see app-contract.ts): the real
 * production server in a child process, so its environment, NODE_ENV included,
 * is set exactly; its logs are everything it wrote.
 */
export const startApp: StartApp = async (fake: FakeProvider, overrides = {}, nodeEnv) => {
  const server = await startServerProcess({ ...fakeProviderEnv(fake, overrides), NODE_ENV: nodeEnv });
  return {
    url: server.url,
    logs: () => server.output.stdout + server.output.stderr,
    close: async () => {
      await server.stop();
    },
  };
};
