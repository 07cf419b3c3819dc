import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createAi } from '../src/ai/client.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/env.ts';
import { fakeProviderEnv } from './support/env.ts';
import { memoryLogger } from './support/memory-log.ts';
import { postJson, startApp, type RunningApp } from './support/app-server.ts';
import { startFakeProvider } from './support/fake-provider.ts';
import { providerShape } from './support/provider-shape.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const fake = await startFakeProvider();
let app: RunningApp;
before(async () => {
  app = await startApp(fake, { AI_MAX_INPUT_CHARS: '100' });
});
after(async () => {
  await app.close();
  await fake.close();
});
beforeEach(() => fake.reset());

async function assertErrorBody(response: Response, status: number, code: string): Promise<void> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string }; requestId: string };
  assert.deepEqual(Object.keys(body).sort(), ['error', 'requestId']);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message']);
  assert.equal(body.error.code, code);
  assert.equal(body.requestId, response.headers.get('x-request-id'));
}

describe('express app', () => {
  test('GET /health answers with the security headers', async () => {
    const response = await fetch(`${app.url}/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=\d{7,}/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('x-powered-by'), null);
    assert.match(response.headers.get('x-request-id') ?? '', UUID);
  });

  test('X-Powered-By is off in Express itself, not only hidden by helmet', () => {
    const config = loadConfig(fakeProviderEnv(fake));
    const { logger } = memoryLogger();
    assert.equal(createApp({ config, ai: createAi(config, logger), logger }).enabled('x-powered-by'), false);
  });

  test('ignores an incoming X-Request-Id and makes its own', async () => {
    const forged = '00000000-0000-4000-8000-000000000000';
    const response = await fetch(`${app.url}/health`, { headers: { 'x-request-id': forged } });
    assert.match(response.headers.get('x-request-id') ?? '', UUID);
    assert.notEqual(response.headers.get('x-request-id'), forged);
  });

  test('POST /api/chat returns the reply and the request id', async () => {
    fake.reply = 'Paris.';
    const response = await postJson(`${app.url}/api/chat`, { message: 'Capital of France?' });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { reply: string; requestId: string };
    assert.deepEqual(body, { reply: 'Paris.', requestId: response.headers.get('x-request-id') });
    assert.deepEqual(providerShape.userTexts(fake.requests[0]?.body), ['Capital of France?']);
  });

  test('a missing or non-text message is a 400 without a provider call', async () => {
    await assertErrorBody(await postJson(`${app.url}/api/chat`, {}), 400, 'invalid_input');
    await assertErrorBody(await postJson(`${app.url}/api/chat`, { message: ['x'] }), 400, 'invalid_input');
    await assertErrorBody(await postJson(`${app.url}/api/chat`, 'not json', {}), 400, 'invalid_json');
    assert.equal(fake.requests.length, 0);
  });

  test('a body over the 32 kB limit is a 413 without a provider call', async () => {
    const response = await postJson(`${app.url}/api/chat`, { message: 'x'.repeat(40 * 1024) });
    await assertErrorBody(response, 413, 'payload_too_large');
    assert.equal(fake.requests.length, 0);
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
