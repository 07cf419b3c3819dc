import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** One protection taken out of a generated project: its own tests must then fail. */
export interface Mutation {
  name: string;
  file: string;
  find: string;
  replace: string;
}

/**
 * Applies the mutation, runs the project's tests, and puts the file back whatever
 * happens. Fails if the code to remove is gone (the mutation would prove nothing) or
 * if the tests stay green.
 */
export async function assertTestsCatch(project: string, mutation: Mutation, runTests: () => Promise<{ exitCode: number; output: string }>): Promise<void> {
  const file = path.join(project, mutation.file);
  const original = await readFile(file, 'utf8');
  assert.ok(original.includes(mutation.find), `${mutation.file} still contains the code this mutation removes`);
  await writeFile(file, original.replace(mutation.find, mutation.replace));
  try {
    const tests = await runTests();
    assert.notEqual(tests.exitCode, 0, `the tests stayed green when ${mutation.name}:\n${tests.output.slice(-3000)}`);
  } finally {
    await writeFile(file, original);
  }
}

/** Protections of the shared TypeScript AI module (runtime/typescript), the same on Node, Bun and Deno. */
export const TYPESCRIPT_AI_MUTATIONS: readonly Mutation[] = [
  { name: 'the request timeout is removed', file: 'src/ai/sdk-limits.ts', find: '    timeout: config.AI_TIMEOUT_MS,\n', replace: '' },
  { name: 'retries fall back to the SDK default', file: 'src/ai/sdk-limits.ts', find: '    maxRetries: config.AI_MAX_RETRIES,\n', replace: '' },
  {
    name: 'log redaction is turned off',
    file: 'src/log/redact.ts',
    find: 'export function redact(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {\n',
    replace: 'export function redact(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {\n  return value;\n',
  },
  {
    name: 'the input check is skipped',
    file: 'src/ai/input.ts',
    find: 'export function validateInput(input: unknown, maxChars: number): string {\n',
    replace: 'export function validateInput(input: unknown, maxChars: number): string {\n  return String(input);\n',
  },
];

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const alphanumeric = (length: number) => Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');

/** An OpenAI-shaped project key, built at run time so this repository never holds a key-shaped literal. */
export const fakeOpenAiKey = (): string => `sk-proj-${alphanumeric(74)}T3BlbkFJ${alphanumeric(74)}`;
