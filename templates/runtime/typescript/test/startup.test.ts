import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childEnv } from './support/env.ts';
import { providerShape } from './support/provider-shape.ts';
import { runProgram } from './support/run.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

const start = (vars: Record<string, string | undefined>) => runProgram('test/support/load-config.ts', [], childEnv(vars));

const validVars = {
  [providerShape.keyEnv]: SENTINEL,
  [providerShape.baseUrlEnv]: 'https://api.example.com/v1',
  ...providerShape.requiredEnv,
};

test('a valid environment starts', async () => {
  const { code, stdout, stderr } = await start(validVars);
  assert.equal(code, 0, stderr);
  assert.match(stdout, /config ok/);
  assertNoSentinel(stdout + stderr, 'output');
});

const failures: Array<[string, Record<string, string | undefined>, string]> = [
  ['missing key', { ...validVars, [providerShape.keyEnv]: undefined }, providerShape.keyEnv],
  ['empty key', { ...validVars, [providerShape.keyEnv]: '' }, providerShape.keyEnv],
  ['timeout holding the sentinel', { ...validVars, AI_TIMEOUT_MS: SENTINEL }, 'AI_TIMEOUT_MS'],
  ['http base URL holding the sentinel', { ...validVars, [providerShape.baseUrlEnv]: `http://evil.example/${SENTINEL}` }, providerShape.baseUrlEnv],
];

for (const [name, vars, variable] of failures) {
  test(`${name}: exits 2 naming ${variable}, never printing the value`, async () => {
    const { code, stdout, stderr } = await start(vars);
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`\\b${variable}\\b`));
    assert.doesNotMatch(stdout, /config ok/);
    assertNoSentinel(stdout, 'stdout');
    assertNoSentinel(stderr, 'stderr');
  });
}
