import assert from 'node:assert/strict';
import { after, beforeEach, test } from 'node:test';
import { childEnv, fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { runProgram } from './support/run.ts';
import { startServerProcess } from './support/server-process.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

const STACK_FRAME = /\bat .+:\d+:\d+|node:internal/;
const fake = fakeProviderForFile();
after(() => fake.close());
beforeEach(() => fake.reset());

test('a bad config exits 2 naming the variable, never its value', async () => {
  const env = childEnv(fakeProviderEnv(fake, { PORT: SENTINEL, CORS_ORIGINS: '*' }));
  const { code, stdout, stderr } = await runProgram('src/server.ts', [], env);
  assert.equal(code, 2);
  assert.match(stderr, /\bPORT\b/);
  assert.match(stderr, /\bCORS_ORIGINS\b/);
  assertNoSentinel(stdout + stderr, 'output');
});

for (const nodeEnv of [undefined, 'production']) {
  test(`the running server (NODE_ENV=${nodeEnv ?? '(unset)'}) keeps the key out of every output`, async () => {
    const server = await startServerProcess({ ...fakeProviderEnv(fake, { LOG_LEVEL: 'info' }), NODE_ENV: nodeEnv });
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
    fake.mode = 'auth';
    const response = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hi' }),
    });
    const body = await response.text();
    assert.equal(response.status, 502);
    assert.equal(await server.stop(), 0, 'graceful shutdown should exit 0');
    for (const [where, text] of [['body', body], ['stdout', server.output.stdout], ['stderr', server.output.stderr]] as const) {
      assertNoSentinel(text, where);
      assert.doesNotMatch(text, STACK_FRAME, `${where} holds a stack frame`);
    }
    assert.match(server.output.stderr, /"kind":"auth"/);
  });
}
