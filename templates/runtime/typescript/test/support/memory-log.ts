import { createLogger, type Logger, type LogLevel } from '../../src/log/logger.ts';

/** A real logger writing into an array, so tests can search every line. */
export function memoryLogger(level: LogLevel = 'debug'): { logger: Logger; lines: string[]; text: () => string } {
  const lines: string[] = [];
  const logger = createLogger({ level, stream: { write: (line: string) => lines.push(line) } });
  return { logger, lines, text: () => lines.join('') };
}
