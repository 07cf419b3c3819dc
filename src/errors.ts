/**
 * Every way the CLI can end early is one of these errors, so the exit code and the
 * `--json` error code are decided in exactly one place (see cli/run.ts).
 */
export type ErrorCode = 'usage' | 'conflict' | 'cancelled' | 'failure' | 'install_failed';

export const EXIT_CODES: Record<ErrorCode, number> = {
  usage: 2,
  conflict: 3,
  cancelled: 130,
  failure: 1,
  install_failed: 1,
};

export class CliError extends Error {
  readonly code: ErrorCode;
  /** Extra lines (e.g. the list of conflicting files) shown under the message. */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'CliError';
    this.code = code;
    this.details = details;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

export const usageError = (message: string, details: readonly string[] = []) =>
  new CliError('usage', message, details);

export const cancelled = () => new CliError('cancelled', 'Cancelled: nothing was written.');
