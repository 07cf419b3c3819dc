import type { FinalAction } from '../apply/resolve-conflicts.ts';
import type { Options } from '../options/schema.ts';

export type FileAction = FinalAction | 'conflict';

/** What was found in an existing project, reported so the user can check our reading. */
export interface DetectedProject {
  framework: string;
  typescript: boolean;
  moduleType: 'module' | 'commonjs';
  sourceDir: string;
  packageManager: string | undefined;
  packageManagerSource: string | undefined;
  importStyle: string;
  /** Where the added module lives. */
  moduleRoot: string;
}

export interface FileReport {
  path: string;
  action: FileAction;
  /** For `update`: the change as a unified diff. */
  diff?: string;
}

/** What a run did (or, with --dry-run, would do). Also the `--json` success shape. */
export interface RunResult {
  ok: true;
  mode: 'create' | 'add';
  dryRun: boolean;
  directory: string;
  options: Options;
  /** Only when adding to an existing project. */
  detected?: DetectedProject;
  files: FileReport[];
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
