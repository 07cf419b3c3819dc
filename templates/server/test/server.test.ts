import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, beforeEach, test } from 'node:test';
import { childEnv, fakeProviderEnv } from './support/env.ts';
import { startFakeProvider } from './support/fake-provider.ts';
import { runNode, spawnNode } from './support/run.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

const STACK_FRAME = /\bat .+:\d+:\d+|node:internal/;
const fake = await startFakeProvider();
const children = new Set<ChildProcess>();
// A failed assertion must not leave a server running (it would hang the test run).
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await fake.close();
});
beforeEach(() => fake.reset());

/** Starts src/server.ts on port 0 and waits for the JSON line naming the bound port. */
async function startServer(vars: Record<string, string | undefined>) {
  const child = spawnNode(['src/server.ts'], childEnv({ ...fakeProviderEnv(fake, { PORT: '0', LOG_LEVEL: 'info' }), ...vars }));
  children.add(child);
  child.once('exit', () => children.delete(child));
  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.stderr}`)));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output.stderr += chunk;
      const line = output.stderr.split('\n').slice(0, -1).find((entry) => entry.includes('"msg":"server.listening"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    return code;
  };
  return { url: `http://127.0.0.1:${port}`, output, stop };
}

test('a bad config exits 2 naming the variable, never its value', async () => {
  const env = childEnv(fakeProviderEnv(fake, { PORT: SENTINEL, CORS_ORIGINS: '*' }));
  const { code, stdout, stderr } = await runNode(['src/server.ts'], env);
  assert.equal(code, 2);
  assert.match(stderr, /\bPORT\b/);
  assert.match(stderr, /\bCORS_ORIGINS\b/);
  assertNoSentinel(stdout + stderr, 'output');
});

for (const nodeEnv of [undefined, 'production']) {
  test(`the running server (NODE_ENV=${nodeEnv ?? '(unset)'}) keeps the key out of every output`, async () => {
    const server = await startServer({ NODE_ENV: nodeEnv });
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
