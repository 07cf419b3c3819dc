import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AiError } from '../src/ai/errors.ts';
import { validateInput } from '../src/ai/input.ts';

const problem = (input: unknown, max = 10) => {
  try {
    validateInput(input, max);
  } catch (error) {
    assert.ok(error instanceof AiError && error.kind === 'invalid_input');
    return error.inputProblem;
  }
  return 'accepted';
};

test('accepts text within the limit, trimmed, with tabs and newlines', () => {
  assert.equal(validateInput('  hi\tthere\r\nyou  ', 20), 'hi\tthere\r\nyou');
  assert.equal(validateInput('x'.repeat(10), 10), 'x'.repeat(10));
});

test('refuses what is not text, empty, too long or full of control characters', () => {
  assert.equal(problem(undefined), 'not_text');
  assert.equal(problem(42), 'not_text');
  assert.equal(problem(['hi']), 'not_text');
  assert.equal(problem(''), 'empty');
  assert.equal(problem(' \n\t '), 'empty');
  assert.equal(problem('x'.repeat(11)), 'too_long');
  assert.equal(problem('x'.repeat(1_000_000)), 'too_long');
  for (const char of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085']) {
    assert.equal(problem(`a${char}b`), 'control_chars', JSON.stringify(char));
  }
});
