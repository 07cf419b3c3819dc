import { select } from '@clack/prompts';
import type { AskAboutConflict } from '../apply/resolve-conflicts.ts';
import { answerOrCancel } from './guard.ts';

/** Asked once per file that exists and differs; nothing is written until all are answered. */
export const askAboutConflictWith = (signal: AbortSignal): AskAboutConflict => async (path) =>
  answerOrCancel(
    await select({
      message: `${path} already exists and differs. What should happen to it?`,
      initialValue: 'skip' as const,
      options: [
        { value: 'skip' as const, label: 'Keep mine', hint: 'skip this file' },
        { value: 'overwrite' as const, label: 'Overwrite it' },
        { value: 'abort' as const, label: 'Stop', hint: 'write nothing at all' },
      ],
      signal,
    }),
  );
