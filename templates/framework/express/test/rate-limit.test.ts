import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { postJson, startApp } from './support/app-server.ts';
import { startFakeProvider } from './support/fake-provider.ts';

const LIMIT = 3;
const fake = await startFakeProvider();
const app = await startApp(fake, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
after(async () => {
  await app.close();
  await fake.close();
});

test(`request ${LIMIT + 1} in a minute is a 429 and never reaches the provider`, async () => {
  for (let i = 0; i < LIMIT; i += 1) {
    assert.equal((await postJson(`${app.url}/api/chat`, { message: 'hi' })).status, 200);
  }
  const limited = await postJson(`${app.url}/api/chat`, { message: 'hi' });
  assert.equal(limited.status, 429);
  assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
  const body = (await limited.json()) as { error: { code: string }; requestId: string };
  assert.equal(body.error.code, 'rate_limited');
  assert.equal(body.requestId, limited.headers.get('x-request-id'));
  assert.ok(fake.requests.length <= LIMIT, `${fake.requests.length} provider calls`);
});

test('the health check is not rate limited', async () => {
  assert.equal((await fetch(`${app.url}/health`)).status, 200);
});
