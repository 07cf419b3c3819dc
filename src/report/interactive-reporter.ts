import { intro, log, note, outro, spinner } from '@clack/prompts';
import type { Reporter, RunResult } from './result.ts';
import { formatDetected, formatDiffs, formatFiles } from './format-files.ts';

/** In a terminal: clack's intro, spinners, and a closing note with the next steps. */
export function interactiveReporter(): Reporter {
  return {
    begin: () => intro('create-secure-ai-app'),
    warn: (message) => log.warn(message),
    task: async (label, doneLabel, work) => {
      const progress = spinner();
      progress.start(label);
      try {
        const result = await work();
        progress.stop(doneLabel);
        return result;
      } catch (error) {
        progress.error(`${label}: failed`);
        throw error;
      }
    },
    finish: (result: RunResult) => {
      if (result.detected) log.info(`Detected: ${formatDetected(result.detected)}`);
      const count = (...actions: string[]) => result.files.filter((file) => actions.includes(file.action)).length;
      if (result.dryRun) note([...formatFiles(result.files), ...formatDiffs(result.files)].join('\n'), 'Dry run: nothing was written');
      else if (result.mode === 'add') log.success(`Added ${count('create')} files and updated ${count('update', 'overwrite')} in ${result.directory}`);
      else log.success(`Wrote ${count('create', 'overwrite')} files to ${result.directory}`);
      for (const warning of result.warnings) log.warn(warning);
      note(result.nextSteps.join('\n'), 'Next steps');
      outro('Keys live in .env only. See SECURITY.md for how to rotate them.');
    },
    fail: (code, message, details) => {
      if (code === 'cancelled') log.warn(message);
      else log.error([message, ...details].join('\n'));
      outro(code === 'cancelled' ? 'Cancelled' : 'Stopped');
    },
  };
}
