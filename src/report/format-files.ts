import type { RunResult } from './result.ts';

const LABELS: Record<string, string> = {
  create: 'create   ',
  identical: 'identical',
  overwrite: 'overwrite',
  skip: 'skip     ',
  conflict: 'conflict ',
};

/** `create    src/ai/client.ts`: one line per file, for --dry-run and the plain report. */
export const formatFiles = (files: RunResult['files']): string[] =>
  files.map((file) => `${LABELS[file.action] ?? file.action} ${file.path}`);
