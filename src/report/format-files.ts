import { FRAMEWORK_CHOICES, labelOf, type Framework } from '../options/catalog.ts';
import type { RunResult } from './result.ts';

const LABELS: Record<string, string> = {
  create: 'create   ',
  identical: 'identical',
  update: 'update   ',
  overwrite: 'overwrite',
  skip: 'skip     ',
  conflict: 'conflict ',
};

/** `create    src/ai/client.ts`: one line per file, for --dry-run and the plain report. */
export const formatFiles = (files: RunResult['files']): string[] =>
  files.map((file) => `${LABELS[file.action] ?? file.action} ${file.path}`);

/** The diffs of updated files, for a dry run: every change is shown before it is made. */
export const formatDiffs = (files: RunResult['files']): string[] => files.flatMap((file) => (file.diff ? file.diff.trimEnd().split('\n') : []));

/** `Express app, TypeScript, ESM, code in src/, npm (package-lock.json)`. */
export function formatDetected(detected: NonNullable<RunResult['detected']>): string {
  const framework = detected.framework === 'none' ? 'no server framework' : `${labelOf(FRAMEWORK_CHOICES, detected.framework as Framework)} app`;
  const packageManager = detected.packageManager ? `${detected.packageManager} (${detected.packageManagerSource})` : 'no lockfile';
  const code = detected.sourceDir === '.' ? 'code at the root' : `code in ${detected.sourceDir}/`;
  return `${framework}, ${detected.typescript ? 'TypeScript' : 'JavaScript'}, ${detected.moduleType === 'module' ? 'ESM' : 'CommonJS'}, ${code}, ${packageManager}; adding ${detected.moduleRoot}/`;
}
