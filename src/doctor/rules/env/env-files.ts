import { isEnvFile } from '../../../workspace/git-state.ts';
import { findKeys, isSecretName, looksRandom, maskKey } from '../../secrets/key-shapes.ts';
import { positionOf } from '../define-rule.ts';

/**
 * What the env rules share: which files are env files, how a dotenv line reads, and which
 * values in one look like a real secret.
 */

/** `.env.example`, `.env.local.example`, `.env.sample`, `.env.template`, `.env.dist`: meant to be committed. */
const ENV_TEMPLATE = /(^|\/)\.env(\.[^/]+)?\.(example|sample|template|dist)$/;
export const isEnvTemplate = (file: string): boolean => ENV_TEMPLATE.test(file);

/** The names an env template usually has, probed in folders by gitignore-env. */
export const ENV_TEMPLATE_NAMES = ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.local.example'] as const;

/**
 * An env file that holds real values: the generator's definition (`.env`, `.env.local`,
 * `.env.production`, `.env.keys`... but not templates), less `.env.vault`, which
 * dotenv-vault encrypts so that it can be committed (its key lives in `.env.keys`).
 * `.envrc` (direnv) is not one: it is a shell script that teams commit on purpose
 * (`use nix`, `dotenv`, `layout python`); a key written into it is hardcoded-key's.
 */
export const isSecretEnvFile = (file: string): boolean => isEnvFile(file) && !/(^|\/)\.env\.vault$/.test(file);

export interface EnvAssignment {
  name: string;
  /** Without quotes or a trailing comment. */
  value: string;
  /** 0-based offsets of the value in the text, quotes excluded. */
  valueStart: number;
  valueEnd: number;
}

/**
 * `NAME=value`, `export NAME="value"`, `NAME: value` (dotenv's YAML-ish form). A comment
 * line never matches: the `#` is not a name character. Compiled once, run per line.
 */
const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)(?:[ \t]*=|:[ \t])[ \t]*/;

/** The value part of a line: a quoted string, or everything before ` #comment`. */
function valueOf(rest: string): { value: string; start: number } {
  const quote = rest[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const end = rest.indexOf(quote, 1);
    // An unclosed quote starts a multi-line value; only its first line is read here.
    return { value: rest.slice(1, end === -1 ? undefined : end), start: 1 };
  }
  // A ` #` (space or tab, then #) starts a comment. Searched for plainly: a regex such as
  // /[ \t]+#.*$/ is retried at every blank of a long run and takes the square of its length.
  const comment = rest.search(/[ \t]#/);
  return { value: (comment === -1 ? rest : rest.slice(0, comment)).trimEnd(), start: 0 };
}

/** The assignments of a dotenv file, in order, one per line that sets a variable. */
export function envAssignments(text: string): EnvAssignment[] {
  const assignments: EnvAssignment[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const match = ASSIGNMENT.exec(line);
    if (match) {
      const { value, start } = valueOf(line.slice(match[0].length));
      const valueStart = lineStart + match[0].length + start;
      assignments.push({ name: match[1]!, value, valueStart, valueEnd: valueStart + value.length });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return assignments;
}

/**
 * dotenvx's encrypted env file: every value set is `encrypted:...` (and the public key
 * that encrypts them is public by design). Committing one is how dotenvx is meant to be used.
 */
export function isEncryptedByDotenvx(assignments: readonly EnvAssignment[]): boolean {
  const set = assignments.filter((assignment) => assignment.value !== '' && !/^DOTENV_PUBLIC_KEY/.test(assignment.name));
  return set.length > 0 && set.every((assignment) => assignment.value.startsWith('encrypted:'));
}

export interface RealLookingValue {
  line: number;
  column: number;
  /** Names the variable and the provider, with the key masked: never the value itself. */
  message: string;
}

/**
 * Values in an env file that look like real secrets: a provider key anywhere (a commented
 * line leaks as well as a live one), or a secret-named variable whose value is random
 * like a key. References (`op://vault/item`, `https://...`) and sentences are not secrets.
 */
export function realLookingValues(text: string): RealLookingValue[] {
  const assignments = envAssignments(text);
  const holding = (offset: number) => assignments.find((assignment) => offset >= assignment.valueStart && offset < assignment.valueEnd);
  const found: Array<RealLookingValue & { offset: number }> = [];
  const withKey = new Set<EnvAssignment>();
  for (const key of findKeys(text)) {
    const assignment = holding(key.index);
    if (assignment) withKey.add(assignment);
    const where = assignment ? `\`${assignment.name}\` holds` : 'a comment holds';
    found.push({ offset: key.index, ...positionOf(text, key.index), message: `${where} a real-looking ${key.provider} key ${key.masked}` });
  }
  for (const assignment of assignments) {
    const { name, value } = assignment;
    if (withKey.has(assignment) || !isSecretName(name) || /\s|:\/\//.test(value) || !looksRandom(value)) continue;
    found.push({ offset: assignment.valueStart, ...positionOf(text, assignment.valueStart), message: `\`${name}\` holds a value that looks like a real secret ${maskKey(value)}` });
  }
  return found.sort((a, b) => a.offset - b.offset).map(({ line, column, message }) => ({ line, column, message }));
}
