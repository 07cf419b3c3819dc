import type { Reporter, RunResult } from './result.ts';
import { formatDetected, formatDiffs, formatFiles } from './format-files.ts';

/** Without a terminal: plain lines, results on stdout, warnings and errors on stderr. */
export function plainReporter(stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Reporter {
  const out = (line: string) => stdout.write(`${line}\n`);
  const err = (line: string) => stderr.write(`${line}\n`);
  return {
    begin: () => {},
    warn: (message) => err(`warning: ${message}`),
    task: async (label, doneLabel, work) => {
      out(`${label}...`);
      const result = await work();
      out(doneLabel);
      return result;
    },
    finish: (result: RunResult) => {
      if (result.detected) out(`Detected: ${formatDetected(result.detected)}`);
      const done = result.mode === 'add' ? 'Added to' : 'Created';
      out(result.dryRun ? `Dry run: nothing was written. Plan for ${result.directory}:` : `${done} ${result.directory}:`);
      for (const line of formatFiles(result.files)) out(`  ${line}`);
      if (result.dryRun) for (const line of formatDiffs(result.files)) out(line);
      if (result.steps.length > 0) out(`${result.dryRun ? 'Would then run' : 'Ran'}: ${result.steps.join('; ')}`);
      for (const warning of result.warnings) err(`warning: ${warning}`);
      out('Next steps:');
      for (const step of result.nextSteps) out(`  ${step}`);
    },
    fail: (_code, message, details) => {
      err(`error: ${message}`);
      for (const line of details) err(line);
    },
  };
}
