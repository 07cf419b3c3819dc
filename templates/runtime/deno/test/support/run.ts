import { spawn, type ChildProcess } from 'node:child_process';
import { runCommandOf } from './deno-json.ts';
import { outputOf, type RunResult } from './process-output.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { providerShape } from './provider-shape.ts';

/**
 * The permission flags `deno task start` runs the app with, read from deno.json so the
 * tests and the task cannot drift. Without --env-file: a test passes its whole
 * environment, and the developer's .env (a real key) must not fill in what a test left out.
 */
export function appFlags(): string[] {
  return runCommandOf('start').flags.filter((flag) => !flag.startsWith('--env-file'));
}

/** `flags` with `addresses` added to --allow-net. */
export const allowingNet = (flags: readonly string[], addresses: readonly string[]): string[] =>
  flags.map((flag) => (flag.startsWith('--allow-net=') && addresses.length > 0 ? `${flag},${addresses.join(',')}` : flag));

const LOOPBACK = /^127(\.\d{1,3}){3}$/;

/**
 * The loopback addresses a test points the app at: the fake provider (the base URL)
 * and, for a server, where it listens (HOST:PORT, with port 0 for a free one).
 */
export function testAddresses(env: Record<string, string>): string[] {
  const addresses: string[] = [];
  const baseUrl = env[providerShape.baseUrlEnv] ?? '';
  if (URL.canParse(baseUrl) && LOOPBACK.test(new URL(baseUrl).hostname)) addresses.push(new URL(baseUrl).host);
  const { HOST: host, PORT: port } = env;
  if (host !== undefined && port !== undefined && LOOPBACK.test(host)) addresses.push(`${host}:${port}`);
  return addresses;
}

/**
 * Starts `deno run <flags> <file> <args>` in the project root with exactly `env`. The
 * flags are all the child gets: Deno's node:child_process would otherwise run a deno
 * child with every permission.
 */
export function spawnDeno(flags: readonly string[], file: string, args: readonly string[], env: Record<string, string>): ChildProcess {
  return spawn(Deno.execPath(), ['run', ...flags, file, ...args], { cwd: PROJECT_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs `deno run <flags> <file> <args>` to completion, feeding `input` on stdin. */
export const runDeno = (flags: readonly string[], file: string, args: readonly string[], env: Record<string, string>, input = ''): Promise<RunResult> =>
  outputOf(spawnDeno(flags, file, args, env), input);

/**
 * Starts one of the project's programs as `start` runs it: the task's own permissions,
 * plus only the loopback addresses of the test's fake provider and server.
 */
export const spawnProgram = (file: string, args: string[], env: Record<string, string>): ChildProcess =>
  spawnDeno(allowingNet(appFlags(), testAddresses(env)), file, args, env);

/** Runs one of the project's programs to completion, feeding `input` on stdin. */
export const runProgram = (file: string, args: string[], env: Record<string, string>, input = ''): Promise<RunResult> =>
  outputOf(spawnProgram(file, args, env), input);
