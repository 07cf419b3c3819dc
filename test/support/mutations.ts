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

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const alphanumeric = (length: number) => Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');

/** An OpenAI-shaped project key, built at run time so this repository never holds a key-shaped literal. */
export const fakeOpenAiKey = (): string => `sk-proj-${alphanumeric(74)}T3BlbkFJ${alphanumeric(74)}`;
