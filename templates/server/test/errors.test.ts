import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { startApp } from './support/app-server.ts';
import { fakeProviderForFile, type FakeMode } from './support/fake-provider.ts';
import { postJson, STACK_FRAME } from './support/http.ts';
import { assertNoSentinel } from './support/sentinel.ts';
const fake = fakeProviderForFile();
after(() => fake.close());
beforeEach(() => fake.reset());

// Express sends stack traces from its default handler unless NODE_ENV=production,
// and other frameworks may read it too, so every promise is checked both ways.
for (const nodeEnv of [undefined, 'production']) {
  describe(`errors with NODE_ENV=${nodeEnv ?? '(unset)'}`, () => {
    test('a 401 echoing the key: 502, fixed body, key in neither the body nor the logs', async () => {
      const app = await startApp(fake, {}, nodeEnv);
      try {
        fake.mode = 'auth';
        const response = await postJson(`${app.url}/api/chat`, { message: 'hi' });
        const text = await response.text();
        assert.equal(response.status, 502);
        const body = JSON.parse(text) as { error: { code: string; message: string }; requestId: string };
        assert.deepEqual(Object.keys(body).sort(), ['error', 'requestId']);
        assert.equal(body.error.code, 'ai_error');
        assertNoSentinel(text, 'HTTP body');
        assertNoSentinel(JSON.stringify([...response.headers]), 'HTTP headers');
        assertNoSentinel(app.logs(), 'logs');
        assert.doesNotMatch(text, STACK_FRAME);
        assert.doesNotMatch(app.logs(), STACK_FRAME);
        assert.match(app.logs(), /"kind":"auth"/);
      } finally {
        await app.close();
      }
    });

    test('malformed JSON gets our 400, not a stack trace', async () => {
      const app = await startApp(fake, {}, nodeEnv);
      try {
        const response = await postJson(`${app.url}/api/chat`, '{"message": ');
        const text = await response.text();
        assert.equal(response.status, 400);
        assert.doesNotMatch(text, STACK_FRAME);
        assert.doesNotMatch(text, /SyntaxError|Unexpected/);
      } finally {
        await app.close();
      }
    });
  });
}

const upstreamCases: Array<[FakeMode, number, string]> = [
  ['rate_limited', 429, 'rate_limited'],
  ['slow', 504, 'ai_timeout'],
  ['server_error', 503, 'ai_unavailable'],
];

for (const [mode, status, code] of upstreamCases) {
  test(`provider ${mode} -> HTTP ${status} ${code}`, async () => {
    const app = await startApp(fake, { AI_TIMEOUT_MS: '300' });
    try {
      fake.mode = mode;
      const response = await postJson(`${app.url}/api/chat`, { message: 'hi' });
      assert.equal(response.status, status);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, code);
      if (status === 429) assert.equal(response.headers.get('retry-after'), String(fake.retryAfterSeconds));
    } finally {
      await app.close();
    }
  });
}
