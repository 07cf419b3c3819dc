import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { MountOptions } from '../../src/mount-prefix.ts';
import type { RunningApp } from './app-contract.ts';
import { fakeProviderForFile, type FakeProvider } from './fake-provider.ts';
import { assertErrorBody, assertSecurityHeaders, postChunked, postJson, STACK_FRAME, UUID } from './http.ts';
import { providerShape } from './provider-shape.ts';
import { assertNoSentinel } from './sentinel.ts';

/** The only origin our endpoints list (the host's own CORS allows every origin). */
const ALLOWED = 'https://app.example.com';
const EVIL = 'https://evil.example';
const LIMIT = 3;

/** Options for mountSecureAi, and the user's own setup of the host app. */
export interface HostOptions<Host> extends MountOptions {
  /** The user's own setup of the host app, right after creating it. */
  configure?: (host: Host) => void;
}

/**
 * What each mount layer's test gives the shared suite: the user's existing app with
 * our endpoints mounted through mountSecureAi(app, deps, options) and, as the
 * user has them:
 * - GET / ('user home') and GET /boom (throws) before the mount;
 * - POST /api/form (echoes a parsed form as JSON) before the mount;
 * - an app-wide CORS for every origin and GET /api/users ([{ name: 'Ada' }]) after it;
 * - its own 404 ('user 404', text) and error handler (500 'user error', text).
 * Built on the fake provider with `overrides` on top of the test environment, logging
 * at debug into `logs`, and listening on 127.0.0.1 with a random port. A bad prefix
 * rejects with mountSecureAi's TypeError.
 */
export type StartHostWithMount<Host> = (fake: FakeProvider, overrides?: Record<string, string>, options?: HostOptions<Host>) => Promise<RunningApp>;

/** What the framework-specific tests of a mount layer get from the suite. */
export interface MountSuite<Host> {
  fake: FakeProvider;
  /** The host app most tests share (1000 requests a minute: never limited); started in a before hook, so use it inside tests. */
  host: RunningApp;
  /** Another host app, closed at the end; its logs are checked for the key too. */
  startHost: (overrides?: Record<string, string>, options?: HostOptions<Host>) => Promise<RunningApp>;
}

export interface MountAdapter<Host> {
  /** As in the suite's name: 'Express', 'Fastify', 'Hono'. */
  framework: string;
  startHostWithMount: StartHostWithMount<Host>;
  /** Headers the host app sets on its own responses, which the mount must leave alone. */
  hostHeaders?: Record<string, string>;
  /** The statuses a body that is not JSON may get: 400 or 415 unless the framework is stricter. */
  notJsonStatuses?: readonly number[];
  /** Tests of this framework only, added to the matching block of the suite. */
  moreTests?: Partial<Record<'mounted' | 'rateLimit' | 'misuse', (suite: MountSuite<Host>) => void>>;
}

/** A response of the user's own app: none of our headers were added to it. */
function assertUntouched(response: Response): void {
  assert.equal(response.headers.get('content-security-policy'), null);
  assert.equal(response.headers.get('strict-transport-security'), null);
  assert.equal(response.headers.get('x-request-id'), null);
  assert.equal(response.headers.get('ratelimit-policy'), null);
}

/** Our error body for a POST whose body is not JSON, with one of `statuses`. */
async function assertNotJsonRefused(response: Response, statuses: readonly number[]): Promise<void> {
  assert.ok(statuses.includes(response.status), `status ${response.status}`);
  await assertErrorBody(response, response.status, response.status === 415 ? 'unsupported_media_type' : 'invalid_input');
}

const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

/**
 * The tests every mount adapter must pass: our endpoints at /ai in the user's app
 * behave as in our own app (headers, limits, errors, CORS, 404, no key anywhere),
 * and nothing of them reaches the user's routes. Call it once, at the top level
 * of the layer's test file, without await: it only registers hooks and tests (the
 * apps start in a before hook), so the file compiles for CommonJS too.
 */
export function mountContract<Host>(adapter: MountAdapter<Host>): void {
  const fake = fakeProviderForFile();
  const started: RunningApp[] = [];
  const startHost = async (overrides: Record<string, string> = {}, options: HostOptions<Host> = {}): Promise<RunningApp> => {
    const running = await adapter.startHostWithMount(fake, { CORS_ORIGINS: ALLOWED, AI_MAX_INPUT_CHARS: '100', ...overrides }, options);
    started.push(running);
    return running;
  };
  let shared: RunningApp | undefined;
  let chat = '';
  before(async () => {
    await fake.listen();
    shared = await startHost({ RATE_LIMIT_PER_MINUTE: '1000' });
    chat = `${shared.url}/ai/api/chat`;
  });
  after(async () => {
    for (const running of started) await running.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());
  const sharedHost = (): RunningApp => {
    if (!shared) throw new Error('The shared host app starts in a before hook: use it inside a test.');
    return shared;
  };
  // The shared host, read lazily: the suite's tests are declared before it starts.
  const app: RunningApp = {
    get url() {
      return sharedHost().url;
    },
    logs: () => sharedHost().logs(),
    close: () => sharedHost().close(),
  };
  const suite: MountSuite<Host> = { fake, host: app, startHost };

  describe(`mountSecureAi on an existing ${adapter.framework} app`, () => {
    test('POST /ai/api/chat answers through the real SDK, with the security headers', async () => {
      fake.reply = 'Paris.';
      const response = await postJson(chat, { message: 'Capital of France?' });
      assert.equal(response.status, 200);
      assertSecurityHeaders(response);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      // Our own id, not one the host app makes (Fastify's request.id is req-1, req-2, ...).
      assert.match(response.headers.get('x-request-id') ?? '', UUID);
      assert.deepEqual(await response.json(), { reply: 'Paris.', requestId: response.headers.get('x-request-id') });
      assert.deepEqual(providerShape.userTexts(fake.requests[0]?.body), ['Capital of France?']);
    });

    test('GET /ai/health answers with the security headers', async () => {
      const response = await fetch(`${app.url}/ai/health`);
      assert.deepEqual(await response.json(), { status: 'ok' });
      assertSecurityHeaders(response);
    });

    test("the user's routes before and after the mount, and the user's 404, are untouched", async () => {
      const home = await fetch(`${app.url}/`);
      assert.equal(home.status, 200);
      assert.equal(await home.text(), 'user home');
      assertUntouched(home);
      for (const [name, value] of Object.entries(adapter.hostHeaders ?? {})) {
        assert.equal(home.headers.get(name), value, "the user's own setting, not ours");
      }

      const users = await fetch(`${app.url}/api/users`);
      assert.deepEqual(await users.json(), [{ name: 'Ada' }]);
      assertUntouched(users);

      for (const path of ['/nope', '/aix', '/api/chat']) {
        const missing = await fetch(`${app.url}${path}`);
        assert.equal(missing.status, 404, path);
        assert.equal(await missing.text(), 'user 404', path);
        assertUntouched(missing);
      }

      const failed = await fetch(`${app.url}/boom`);
      assert.equal(failed.status, 500);
      assert.equal(await failed.text(), 'user error', "the user's error handler still handles the user's routes");
      assertUntouched(failed);
    });

    test("an error in our route is answered by our handler, not the user's", async () => {
      fake.mode = 'server_error';
      const response = await postJson(chat, { message: 'hi' });
      assertSecurityHeaders(response);
      await assertErrorBody(response, 503, 'ai_unavailable');
    });

    test('unknown paths under /ai get our JSON 404 with the security headers', async () => {
      for (const path of ['/ai', '/ai/nope', '/ai/api/users']) {
        const response = await fetch(`${app.url}${path}`);
        assertSecurityHeaders(response);
        await assertErrorBody(response, 404, 'not_found');
      }
      await assertErrorBody(await fetch(chat), 404, 'not_found');
    });

    test('a body over the limit is our 413, with or without Content-Length, and no provider call', async () => {
      const oversized = { message: 'x'.repeat(40 * 1024) };
      const response = await postJson(chat, oversized);
      assertSecurityHeaders(response);
      await assertErrorBody(response, 413, 'payload_too_large');
      const streamed = await postChunked(chat, new TextEncoder().encode(JSON.stringify(oversized)));
      await assertErrorBody(streamed, 413, 'payload_too_large');
      assert.equal(fake.requests.length, 0);
    });

    test('invalid input is our 400 and no provider call', async () => {
      await assertErrorBody(await postJson(chat, {}), 400, 'invalid_input');
      await assertErrorBody(await postJson(chat, { message: ['x'] }), 400, 'invalid_input');
      await assertErrorBody(await postJson(chat, 'not json'), 400, 'invalid_json');
      // Bodies any web page may send without a CORS preflight: text/plain, and a form
      // though the user's app parses forms for its own routes.
      const statuses = adapter.notJsonStatuses ?? [400, 415];
      await assertNotJsonRefused(await postJson(chat, { message: 'hi' }, { 'content-type': 'text/plain' }), statuses);
      await assertNotJsonRefused(await fetch(chat, { method: 'POST', body: new URLSearchParams({ message: 'hi' }) }), statuses);
      assert.equal(fake.requests.length, 0);
      const userForm = await fetch(`${app.url}/api/form`, { method: 'POST', body: new URLSearchParams({ name: 'Ada' }) });
      assert.deepEqual(await userForm.json(), { name: 'Ada' });
    });

    test('CORS on our routes: the listed origin is allowed, any other is not', async () => {
      const allowOrigin = (response: Response) => response.headers.get('access-control-allow-origin');
      assert.equal(allowOrigin(await fetch(`${app.url}/ai/health`, { headers: { origin: ALLOWED } })), ALLOWED);
      assert.equal(allowOrigin(await preflight(chat, ALLOWED)), ALLOWED);
      assert.equal(allowOrigin(await fetch(`${app.url}/ai/health`, { headers: { origin: EVIL } })), null);
      assert.equal(allowOrigin(await preflight(chat, EVIL)), null);
      // The user's app-wide CORS (every origin) answers for the user's routes, never for ours.
      assert.equal(allowOrigin(await fetch(`${app.url}/api/users`, { headers: { origin: EVIL } })), '*');
      assert.equal(allowOrigin(await fetch(`${app.url}/ai/nope`, { headers: { origin: EVIL } })), null);
      assert.equal(allowOrigin(await postJson(chat, { message: 'hi' }, { origin: EVIL })), null);
    });

    test('a provider error echoing the key becomes our safe body; the key reaches no client and no log', async () => {
      fake.mode = 'auth';
      const response = await postJson(chat, { message: 'hi' });
      const text = await response.clone().text();
      await assertErrorBody(response, 502, 'ai_error');
      assertNoSentinel(text, 'the response body');
      assert.doesNotMatch(text, STACK_FRAME);
      assert.equal(fake.requests.length, 1);
      assertNoSentinel(app.logs(), 'the logs');
    });

    adapter.moreTests?.mounted?.(suite);
  });

  describe('the rate limit of the mounted endpoints', () => {
    test(`request ${LIMIT + 1} is our 429 with Retry-After; the user's routes are not limited`, async () => {
      const limited = await startHost({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
      const limitedChat = `${limited.url}/ai/api/chat`;
      for (let i = 0; i < LIMIT; i += 1) {
        assert.equal((await postJson(limitedChat, { message: 'hi' })).status, 200);
      }
      const refused = await postJson(limitedChat, { message: 'hi' });
      assert.match(refused.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
      assertSecurityHeaders(refused);
      await assertErrorBody(refused, 429, 'rate_limited');
      // A forged X-Forwarded-For buys no new window: the host app does not trust proxies.
      await assertErrorBody(await postJson(limitedChat, { message: 'hi' }, { 'x-forwarded-for': '198.51.100.7' }), 429, 'rate_limited');
      assert.equal(fake.requests.length, LIMIT);

      for (let i = 0; i < LIMIT + 2; i += 1) {
        for (const path of ['/', '/api/users']) {
          const response = await fetch(`${limited.url}${path}`);
          assert.equal(response.status, 200, path);
          assertUntouched(response);
        }
      }
      assert.equal((await fetch(`${limited.url}/ai/health`)).status, 200);
    });

    adapter.moreTests?.rateLimit?.(suite);
  });

  describe('mount options and misuse', () => {
    test('a prefix that is not a literal path is refused', async () => {
      for (const prefix of ['', '/', 'ai', '/ai/', '/ai/*', '/:id', '/a/../b', '//ai']) {
        await assert.rejects(startHost({}, { prefix }), TypeError, prefix);
      }
      const custom = await startHost({}, { prefix: '/v1/assistant' });
      assert.equal((await fetch(`${custom.url}/v1/assistant/health`)).status, 200);
    });

    adapter.moreTests?.misuse?.(suite);

    // Last: by now every host app of the file has run.
    test('no log of any app holds the key', () => {
      assertNoSentinel(started.map((running) => running.logs()).join(''), 'the logs');
    });
  });
}
