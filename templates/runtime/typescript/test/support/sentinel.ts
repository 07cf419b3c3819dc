import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fake key shaped like a real OpenAI project key, made at run time: a literal
 * in the source would trip the project's own secret scan.
 */
export function makeSentinel(): string {
  let tail = '';
  for (let i = 0; i < 150; i += 1) tail += ALPHABET[randomInt(ALPHABET.length)];
  return `sk-${'proj'}-${tail}`;
}

/** One per test process, so every test in a file hunts for the same string. */
export const SENTINEL = makeSentinel();

/** Fails if `text` holds the key or a long piece of it; the message never prints it. */
export function assertNoSentinel(text: string, where: string, sentinel: string = SENTINEL): void {
  assert.ok(!text.includes(sentinel), `${where} contains the sentinel key`);
  assert.ok(!text.includes(sentinel.slice(20, 52)), `${where} contains part of the sentinel key`);
}
