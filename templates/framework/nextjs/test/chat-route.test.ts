import assert from 'node:assert/strict';
import { after, beforeEach, describe, test } from 'node:test';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { assertErrorBody, STACK_FRAME, type StreamingInit } from './support/http.ts';
import { CHAT_URL, chatRequest, chatRouteFor } from './support/next-route.ts';
import { providerShape } from './support/provider-shape.ts';
import { assertNoSentinel } from './support/sentinel.ts';

// The route handlers called directly with Request objects, as Next.js calls them:
// each promise is proved without a server in between.
const fake = fakeProviderForFile();
after(() => fake.close());
beforeEach(() => fake.reset());

describe('POST /api/chat handler', () => {
  test('answers {reply, requestId}, uncached, with the id in a header', async () => {
    const route = chatRouteFor(fake);
    fake.reply = 'Paris.';
    const response = await route.POST(chatRequest({ message: 'Capital of France?' }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await response.json(), { reply: 'Paris.', requestId: response.headers.get('x-request-id') });
    assert.deepEqual(providerShape.userTexts(fake.requests[0]?.body), ['Capital of France?']);
  });

  test('a body over 32 kB is a 413 before parsing, with or without Content-Length, and no provider call', async () => {
    const route = chatRouteFor(fake);
    const oversized = JSON.stringify({ message: 'x'.repeat(40 * 1024) });
    const declared = await route.POST(chatRequest(oversized));
    // The unread rest would stall the connection's next request.
    assert.equal(declared.headers.get('connection'), 'close');
    await assertErrorBody(declared, 413, 'payload_too_large');
    // Claims to be small, then streams more than the cap.
    const bytes = new TextEncoder().encode(oversized);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 4096) controller.enqueue(bytes.subarray(at, at + 4096));
        controller.close();
      },
    });
    const init: StreamingInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' };
    const streamed = new Request(CHAT_URL, init);
    await assertErrorBody(await route.POST(streamed), 413, 'payload_too_large');
    assert.equal(fake.requests.length, 0);
  });

  test('a body that is not application/json never reaches the provider', async () => {
    const route = chatRouteFor(fake);
    const response = await route.POST(chatRequest('{"message":"hi"}', { 'content-type': 'text/plain' }));
    await assertErrorBody(response, 415, 'unsupported_media_type');
    assert.equal(fake.requests.length, 0);
  });

  test('request N+1 from one client is a 429 with Retry-After; another client has its own window', async () => {
    const limit = 3;
    const route = chatRouteFor(fake, { RATE_LIMIT_PER_MINUTE: String(limit) });
    for (let i = 0; i < limit; i += 1) assert.equal((await route.POST(chatRequest({ message: 'hi' }))).status, 200);
    const limited = await route.POST(chatRequest({ message: 'hi' }));
    assert.match(limited.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    await assertErrorBody(limited, 429, 'rate_limited');
    assert.ok(fake.requests.length <= limit, `${fake.requests.length} provider calls`);
    const other = await route.POST(chatRequest({ message: 'hi' }, { 'x-forwarded-for': '203.0.113.9' }));
    assert.equal(other.status, 200);
  });

  test('behind an appending proxy, addresses the client made up do not buy it a fresh window', async () => {
    const route = chatRouteFor(fake, { RATE_LIMIT_PER_MINUTE: '1' });
    const claimed = (made: string) => chatRequest({ message: 'hi' }, { 'x-forwarded-for': `${made}, 198.51.100.7` });
    assert.equal((await route.POST(claimed('10.0.0.1'))).status, 200);
    assert.equal((await route.POST(claimed('10.0.0.2'))).status, 429);
  });

  test('CORS: only listed origins get Access-Control-Allow-Origin, on POST and on the preflight', async () => {
    const allowed = 'https://app.example.com';
    const closed = chatRouteFor(fake);
    const open = chatRouteFor(fake, { CORS_ORIGINS: allowed });
    const preflight = (origin: string) =>
      new Request(CHAT_URL, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    const allowOrigin = (response: Response) => response.headers.get('access-control-allow-origin');

    for (const origin of [allowed, 'https://evil.example']) {
      assert.equal(allowOrigin(await closed.POST(chatRequest({ message: 'hi' }, { origin }))), null);
      assert.equal(allowOrigin(closed.OPTIONS(preflight(origin))), null);
    }
    assert.equal(allowOrigin(await open.POST(chatRequest({ message: 'hi' }, { origin: allowed }))), allowed);
    assert.equal(allowOrigin(open.OPTIONS(preflight(allowed))), allowed);
    assert.match(open.OPTIONS(preflight(allowed)).headers.get('access-control-allow-methods') ?? '', /POST/);
    const evil = await open.POST(chatRequest({ message: 'hi' }, { origin: 'https://evil.example' }));
    assert.equal(allowOrigin(evil), null);
    assert.match(evil.headers.get('vary') ?? '', /Origin/);
    assert.equal(allowOrigin(open.OPTIONS(preflight('https://evil.example'))), null);
  });

  test('a provider 401 echoing the key: 502 with our body, the key in neither the body, headers nor logs', async () => {
    const route = chatRouteFor(fake);
    fake.mode = 'auth';
    const response = await route.POST(chatRequest({ message: 'hi' }));
    const text = await response.clone().text();
    await assertErrorBody(response, 502, 'ai_error');
    for (const [where, output] of [['body', text], ['headers', JSON.stringify([...response.headers])], ['logs', route.logs()]] as const) {
      assertNoSentinel(output, where);
      assert.doesNotMatch(output, STACK_FRAME, `${where} holds a stack frame`);
    }
    assert.match(route.logs(), /"kind":"auth"/);
  });
});
