import { readFile } from 'node:fs/promises';
import { linesOf } from '../util/text-format.ts';

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S?)/;

/**
 * The names of the variables a `.env` file gives a value, and nothing else: values
 * (secrets) are looked at only to see whether they are empty, and never kept.
 */
export function keysWithValues(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of linesOf(text)) {
    const match = ASSIGNMENT.exec(line);
    // `KEY=` and `KEY=""` leave the variable without a value.
    if (match?.[1] && match[2] && !/^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=\s*(""|'')\s*$/.test(line)) keys.add(match[1]);
  }
  return keys;
}

/** Undefined when the project has no `.env`. */
export async function readEnvKeys(file: string): Promise<Set<string> | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : keysWithValues(text);
}
