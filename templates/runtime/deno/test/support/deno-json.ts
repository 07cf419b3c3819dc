import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './project-root.ts';

export interface DenoJson {
  imports?: Record<string, string>;
  tasks?: Record<string, string>;
  lock?: unknown;
}

export const readDenoJson = (): DenoJson => JSON.parse(readFileSync(join(PROJECT_ROOT, 'deno.json'), 'utf8')) as DenoJson;

export interface RunCommand {
  /** Every flag between `deno run` and the program, in order. */
  flags: string[];
  /** The program, e.g. src/server.ts. */
  entry: string;
}

/** Splits a task such as `deno run --allow-net=a --allow-env=B src/main.ts`. */
export function runCommandOf(taskName: string): RunCommand {
  const task = readDenoJson().tasks?.[taskName] ?? '';
  const [deno, run, ...rest] = task.trim().split(/\s+/);
  if (deno !== 'deno' || run !== 'run') throw new Error(`task ${taskName} is not a \`deno run\` command: ${task}`);
  const flags = rest.filter((word) => word.startsWith('-'));
  const [entry, ...extra] = rest.filter((word) => !word.startsWith('-'));
  if (entry === undefined || extra.length > 0 || rest.indexOf(entry) !== flags.length) {
    throw new Error(`task ${taskName} should be flags, then one program: ${task}`);
  }
  return { flags, entry };
}
