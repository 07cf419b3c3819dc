import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningApp } from './support/app-contract.ts';
import { startApp } from './support/app-server.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { assertErrorBody, postJson } from './support/http.ts';

const LIMIT = 3;
const fake = fakeProviderForFile();
let app: RunningApp;
before(async () => {
  await fake.listen();
  app = await startApp(fake, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
});
after(async () => {
  await app.close();
  await fake.close();
});

test(`request ${LIMIT + 1} in a minute is a 429 and never reaches the provider`, async () => {
  for (let i = 0; i < LIMIT; i += 1) {
    assert.equal((await postJson(`${app.url}/api/chat`, { message: 'hi' })).status, 200);
  }
  const limited = await postJson(`${app.url}/api/chat`, { message: 'hi' });
  assert.match(limited.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
  await assertErrorBody(limited, 429, 'rate_limited');
  assert.ok(fake.requests.length <= LIMIT, `${fake.requests.length} provider calls`);
});

// The key is the socket's address: a header any client can set must not buy a new window.
test('a forged X-Forwarded-For does not reset the limit', async () => {
  for (const forged of ['198.51.100.7', '2001:db8::7']) {
    const response = await postJson(`${app.url}/api/chat`, { message: 'hi' }, { 'x-forwarded-for': forged, 'x-real-ip': forged });
    await assertErrorBody(response, 429, 'rate_limited');
  }
  assert.ok(fake.requests.length <= LIMIT, `${fake.requests.length} provider calls`);
});

test('the health check is not rate limited', async () => {
  assert.equal((await fetch(`${app.url}/health`)).status, 200);
});
