import type { Reporter, RunResult } from './result.ts';

/** --json: exactly one JSON object on stdout; nothing else is written there. */
export function jsonReporter(stdout: NodeJS.WritableStream): Reporter {
  const warnings: string[] = [];
  const print = (value: unknown) => stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  return {
    begin: () => {},
    warn: (message) => warnings.push(message),
    task: (_label, _done, work) => work(),
    finish: (result: RunResult) => print({ ...result, warnings: [...warnings, ...result.warnings] }),
    fail: (code, message, details) => print({ ok: false, error: { code, message, details }, warnings }),
  };
}
