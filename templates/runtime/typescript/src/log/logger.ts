import { redact, redactString } from './redact.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
type Fields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; stderr by default so stdout stays free for program output. */
  stream?: { write(line: string): unknown };
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * One JSON object per line. Every field passes through `redact`, so a key that
 * slips into a log call (or into an error message) is replaced, not printed.
 */
export function createLogger({ level, stream = process.stderr }: LoggerOptions): Logger {
  const write = (lineLevel: Exclude<LogLevel, 'silent'>, message: string, fields: Fields = {}) => {
    if (RANK[lineLevel] < RANK[level]) return;
    const head = { time: new Date().toISOString(), level: lineLevel, msg: redactString(message) };
    // Head keys first for readability, and assigned last so fields cannot overwrite them.
    const entry = Object.assign({ ...head }, redact(fields), head);
    stream.write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
