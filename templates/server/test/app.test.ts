import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import type { RunningApp } from './support/app-contract.ts';
import { startApp } from './support/app-server.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { assertErrorBody, assertSecurityHeaders, postChunked, postJson, UUID } from './support/http.ts';
import { providerShape } from './support/provider-shape.ts';

const fake = fakeProviderForFile();
let app: RunningApp;
before(async () => {
  await fake.listen();
  app = await startApp(fake, { AI_MAX_INPUT_CHARS: '100' });
});
after(async () => {
  await app.close();
  await fake.close();
});
beforeEach(() => fake.reset());

/** Polls `condition` until it holds (true) or 2 s have passed (false). */
async function eventually(condition: () => boolean): Promise<boolean> {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await setTimeout(20);
  }
  return true;
}

describe('the HTTP app', () => {
  test('GET /health answers with the security headers', async () => {
    const response = await fetch(`${app.url}/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
    assertSecurityHeaders(response);
    assert.match(response.headers.get('x-request-id') ?? '', UUID);
  });

  test('error responses carry the security headers too', async () => {
    assertSecurityHeaders(await fetch(`${app.url}/nope`));
    assertSecurityHeaders(await postJson(`${app.url}/api/chat`, { message: 'x'.repeat(40 * 1024) }));
  });

  test('ignores an incoming X-Request-Id and makes its own', async () => {
    const forged = '00000000-0000-4000-8000-000000000000';
    const response = await fetch(`${app.url}/health`, { headers: { 'x-request-id': forged } });
    assert.match(response.headers.get('x-request-id') ?? '', UUID);
    assert.notEqual(response.headers.get('x-request-id'), forged);
  });

  test('POST /api/chat returns the reply and the request id, uncached', async () => {
    fake.reply = 'Paris.';
    const response = await postJson(`${app.url}/api/chat`, { message: 'Capital of France?' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as { reply: string; requestId: string };
    assert.deepEqual(body, { reply: 'Paris.', requestId: response.headers.get('x-request-id') });
    assert.deepEqual(providerShape.userTexts(fake.requests[0]?.body), ['Capital of France?']);
  });

  test('a missing or non-text message, or broken JSON, is a 400 without a provider call', async () => {
    await assertErrorBody(await postJson(`${app.url}/api/chat`, {}), 400, 'invalid_input');
    await assertErrorBody(await postJson(`${app.url}/api/chat`, { message: ['x'] }), 400, 'invalid_input');
    await assertErrorBody(await postJson(`${app.url}/api/chat`, 'not json', {}), 400, 'invalid_json');
    assert.equal(fake.requests.length, 0);
  });

  // A text/plain POST needs no CORS preflight, so any web page could send one to a
  // server on the developer's machine: it must not reach the provider.
  test('a body not sent as application/json never reaches the provider', async () => {
    const response = await fetch(`${app.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ message: 'hi' }),
    });
    assert.ok([400, 415].includes(response.status), `status ${response.status}`);
    await assertErrorBody(response, response.status, response.status === 415 ? 'unsupported_media_type' : 'invalid_input');
    assert.equal(fake.requests.length, 0);
  });

  test('a body over the 32 kB limit is a 413 without a provider call, with or without Content-Length', async () => {
    const oversized = { message: 'x'.repeat(40 * 1024) };
    await assertErrorBody(await postJson(`${app.url}/api/chat`, oversized), 413, 'payload_too_large');
    const streamed = await postChunked(`${app.url}/api/chat`, new TextEncoder().encode(JSON.stringify(oversized)));
    await assertErrorBody(streamed, 413, 'payload_too_large');
    assert.equal(fake.requests.length, 0);
  });

  test('a streamed body within the limit is read like any other', async () => {
    const response = await postChunked(`${app.url}/api/chat`, new TextEncoder().encode(JSON.stringify({ message: 'hi' })));
    assert.equal(response.status, 200);
    assert.equal(fake.requests.length, 1);
  });

  test('a client that hangs up cancels the provider call', async () => {
    fake.mode = 'slow';
    const logsBefore = app.logs().length;
    const newLogs = () => app.logs().slice(logsBefore);
    const hangUp = new AbortController();
    const request = postJson(`${app.url}/api/chat`, { message: 'hi' }, {}, hangUp.signal).catch(() => undefined);
    assert.ok(await eventually(() => fake.requests.length === 1), 'the provider was never called');
    hangUp.abort();
    await request;
    // Long before the fake's 5 s answer and the 5 s AI timeout, the call has ended.
    assert.ok(await eventually(() => /"msg":"ai\.error".*"kind":"timeout"/.test(newLogs())), 'the provider call went on');
  });

  test('a message over AI_MAX_INPUT_CHARS is a 413 without a provider call', async () => {
    await assertErrorBody(await postJson(`${app.url}/api/chat`, { message: 'x'.repeat(101) }), 413, 'input_too_long');
    assert.equal(fake.requests.length, 0);
  });

  test('unknown routes get a JSON 404', async () => {
    await assertErrorBody(await fetch(`${app.url}/nope`), 404, 'not_found');
    await assertErrorBody(await fetch(`${app.url}/api/chat`), 404, 'not_found');
  });
});
