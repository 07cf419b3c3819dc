import { parseArgs, type ParseArgsConfig } from 'node:util';
import { OPTION_DEFINITIONS } from '../options/definitions.ts';
import { usageError } from '../errors.ts';
import { showValue } from '../util/show-value.ts';

/** What the command line said, before defaults, prompts and validation. */
export interface CommandLine {
  directory?: string;
  /** Options keyed like the options object (`packageManager`, `install`, ...). */
  flags: Record<string, string | boolean>;
}

const HELP_HINT = 'Run create-secure-ai-app --help to see every option.';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

function parserOptions(): OptionsConfig {
  const options: OptionsConfig = {};
  for (const definition of OPTION_DEFINITIONS) {
    const type = definition.kind === 'choice' || definition.kind === 'text' ? 'string' : 'boolean';
    options[definition.flag] = definition.short ? { type, short: definition.short } : { type };
    if (definition.kind === 'negatable') options[`no-${definition.flag}`] = { type: 'boolean' };
  }
  return options;
}

/** The options key a parsed flag sets, and the value it sets it to. */
function keyAndValue(flag: string, value: string | boolean | undefined): [string, string | boolean] {
  const negated = flag.startsWith('no-') ? OPTION_DEFINITIONS.find((d) => `no-${d.flag}` === flag) : undefined;
  if (negated) return [negated.key, false];
  const definition = OPTION_DEFINITIONS.find((d) => d.flag === flag);
  if (!definition) throw usageError(`unknown option --${flag}`, [HELP_HINT]);
  return [definition.key, value ?? true];
}

function explainParseError(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']*)'/.exec(message);
  if (unknown) throw usageError(`unknown option ${showValue(unknown[1])}`, [HELP_HINT]);
  const missing = /Option '(-\w, )?(--[\w-]+)[^']*' argument (missing|is ambiguous)/.exec(message);
  if (missing) throw usageError(`${missing[2]} needs a value`, [HELP_HINT]);
  const noValue = /Option '(-\w, )?(--[\w-]+)' does not take an argument/.exec(message);
  if (noValue) throw usageError(`${noValue[2]} is a switch and takes no value`, [HELP_HINT]);
  throw usageError(message.split('\n')[0] ?? 'invalid command line', [HELP_HINT]);
}

/**
 * Parses argv strictly: unknown flags, missing values, a flag given twice (including
 * `--install --no-install`) and extra positionals are usage errors, never guesses.
 * A lone `--` is dropped: `bun create` and `pnpm create` pass on the one people type
 * for `npm create` (`npm create secure-ai-app my-app -- --yes`), and what follows it
 * is still meant as options. (A directory starting with `-` can be given as `./-x`.)
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv.filter((arg) => arg !== '--'), options: parserOptions(), allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    explainParseError(error);
  }

  const flags: Record<string, string | boolean> = {};
  const seen = new Map<string, string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const [key, value] = keyAndValue(token.name, token.value);
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw usageError(`${token.rawName} was given more than once (first as ${previous}); give each option once`);
    }
    seen.set(key, token.rawName);
    flags[key] = value;
  }

  if (parsed.positionals.length > 1) {
    throw usageError(
      `expected at most one directory, got ${parsed.positionals.length}: ${parsed.positionals.map((p) => showValue(p)).join(' ')}`,
      ['Quote a directory name that contains spaces.', HELP_HINT],
    );
  }
  const directory = parsed.positionals[0];
  return directory === undefined ? { flags } : { directory, flags };
}
