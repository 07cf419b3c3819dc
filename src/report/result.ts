import type { FinalAction } from '../apply/resolve-conflicts.ts';
import type { Options } from '../options/schema.ts';

export type FileAction = FinalAction | 'conflict';

/** What a run did (or, with --dry-run, would do). Also the `--json` success shape. */
export interface RunResult {
  ok: true;
  mode: 'create';
  dryRun: boolean;
  directory: string;
  options: Options;
  files: { path: string; action: FileAction }[];
  steps: string[];
  nextSteps: string[];
  warnings: string[];
}

/** The output channel of one run: prompts UI, plain text, or a single JSON object. */
export interface Reporter {
  begin(): void;
  warn(message: string): void;
  task<T>(label: string, doneLabel: string, work: () => Promise<T>): Promise<T>;
  finish(result: RunResult): void;
  fail(code: string, message: string, details: readonly string[]): void;
}
