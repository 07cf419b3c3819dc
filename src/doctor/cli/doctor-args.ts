import { parseArgs } from 'node:util';
import { usageError } from '../../errors.ts';
import { showValue } from '../../util/show-value.ts';
import { SEVERITIES, type Severity } from '../types.ts';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface DoctorCommandLine {
  /** As given; '.' when absent. */
  directory: string;
  format: Format;
  failOn: Severity;
  help: boolean;
}

const HELP_HINT = 'Run create-secure-ai-app doctor --help to see every option.';

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`--${flag} must be one of ${allowed.join(', ')}; got ${showValue(value)}`, [HELP_HINT]);
}

/**
 * `doctor [dir] [--format text|json|sarif] [--json] [--fail-on low|medium|high]`, strictly:
 * an unknown flag, a flag given twice or a second directory is a usage error.
 */
export function parseDoctorCommandLine(argv: readonly string[]): DoctorCommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      options: { format: { type: 'string' }, json: { type: 'boolean' }, 'fail-on': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    const unknown = /Unknown option '([^']*)'/.exec(message);
    throw usageError(unknown ? `doctor has no option ${showValue(unknown[1])}` : message, [HELP_HINT]);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw usageError(`${token.rawName} was given more than once; give each option once`, [HELP_HINT]);
    seen.add(token.name);
  }
  if (parsed.positionals.length > 1) {
    throw usageError(`doctor audits one directory, got ${parsed.positionals.length}: ${parsed.positionals.map((p) => showValue(p)).join(' ')}`, [HELP_HINT]);
  }
  const { values } = parsed;
  if (values.json && values.format !== undefined && values.format !== 'json') {
    throw usageError(`--json and --format ${showValue(values.format)} disagree; give one of them`, [HELP_HINT]);
  }
  return {
    directory: parsed.positionals[0] ?? '.',
    format: values.json ? 'json' : oneOf('format', values.format, FORMATS, 'text'),
    failOn: oneOf('fail-on', values['fail-on'], SEVERITIES, 'low'),
    help: values.help === true,
  };
}
