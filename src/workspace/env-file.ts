import { readFile } from 'node:fs/promises';
import { linesOf } from '../util/text-format.ts';

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/;

/** Whether a `.env` value is non-empty as dotenv reads it: quotes unwrapped, ` # comment` cut. */
function hasValue(raw: string): boolean {
  const value = raw.trim();
  const quote = value[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const end = value.indexOf(quote, 1);
    return (end === -1 ? value.length - 1 : end - 1) > 0;
  }
  return value.replace(/(^|\s)#.*$/, '').trim() !== '';
}

/**
 * The names of the variables a `.env` file gives a value, and nothing else: values
 * (secrets) are looked at only to see whether they are empty, and never kept.
 */
export function keysWithValues(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of linesOf(text)) {
    const match = ASSIGNMENT.exec(line);
    if (match?.[1] && hasValue(match[2] ?? '')) keys.add(match[1]);
  }
  return keys;
}

/** Undefined when the project has no `.env`. */
export async function readEnvKeys(file: string): Promise<Set<string> | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : keysWithValues(text);
}
