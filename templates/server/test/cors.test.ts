import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningApp } from './support/app-contract.ts';
import { startApp } from './support/app-server.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';

const ALLOWED = 'https://app.example.com';
const EVIL = 'https://evil.example';
const fake = fakeProviderForFile();
let closed: RunningApp;
let open: RunningApp;
before(async () => {
  await fake.listen();
  closed = await startApp(fake);
  open = await startApp(fake, { CORS_ORIGINS: ALLOWED });
});
after(async () => {
  await closed.close();
  await open.close();
  await fake.close();
});

const preflight = (url: string, origin: string) =>
  fetch(`${url}/api/chat`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
const allowOrigin = (response: Response) => response.headers.get('access-control-allow-origin');

test('by default no origin is allowed, not even with a preflight', async () => {
  for (const origin of [EVIL, ALLOWED]) {
    assert.equal(allowOrigin(await fetch(`${closed.url}/health`, { headers: { origin } })), null);
    assert.equal(allowOrigin(await preflight(closed.url, origin)), null);
  }
});

test('a listed origin is allowed, any other is not', async () => {
  assert.equal(allowOrigin(await fetch(`${open.url}/health`, { headers: { origin: ALLOWED } })), ALLOWED);
  assert.equal(allowOrigin(await preflight(open.url, ALLOWED)), ALLOWED);
  assert.equal(allowOrigin(await fetch(`${open.url}/health`, { headers: { origin: EVIL } })), null);
  assert.equal(allowOrigin(await preflight(open.url, EVIL)), null);
});
