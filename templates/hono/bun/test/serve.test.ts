import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { Hono } from 'hono';
import { createAi } from '../src/ai/client.ts';
import { loadConfig } from '../src/config/env.ts';
import { clientAddress } from '../src/http/client-address.ts';
import type { HonoEnv } from '../src/http/hono-env.ts';
import { BUN_BODY_LIMIT_BYTES, listen, servedAi } from '../src/http/serve.ts';
import type { RunningApp } from './support/app-contract.ts';
import { startAppWith } from './support/app-server.ts';
import { fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { providerShape } from './support/provider-shape.ts';
import { STACK_FRAME, assertErrorBody, postJson } from './support/http.ts';
import { memoryLogger } from './support/memory-log.ts';

// Bun.serve's timers, as src/http/serve.ts sets them. Here they are 1 s instead of
// policy.ts's, so each phase shows within seconds; Bun fires them on a 4 s tick, so a
// 1 s timer fires within 4 s.
const SHORT_LIMITS = { requestTimeoutMs: 1_000, keepAliveTimeoutMs: 1_000 };
const TICK_MS = 4_000;
// Longer than `bun test`'s default of 5 s per test.
const SLOW = { timeout: 30_000 };

const fake = fakeProviderForFile();
let app: RunningApp;
before(async () => {
  await fake.listen();
  app = await startAppWith(SHORT_LIMITS)(fake, { AI_TIMEOUT_MS: '20000' });
});
after(async () => {
  await app.close();
  await fake.close();
});
beforeEach(() => fake.reset());

interface Watched {
  /** Everything the server sent. */
  received: string;
  /** Milliseconds from connecting until the server closed the connection; undefined if it stayed open. */
  closedAfterMs: number | undefined;
}

/** Opens a raw connection to `url`, lets `talk` write to it, and waits up to `waitMs` for the server to close it. */
function watchConnection(url: string, talk: (write: (text: string) => void) => void, waitMs: number): Promise<Watched> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let received = '';
    const finish = (closedAfterMs: number | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ received, closedAfterMs });
    };
    const timer = setTimeout(() => finish(undefined), waitMs);
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    socket.on('close', () => finish(Date.now() - started));
    socket.on('error', () => undefined);
    socket.on('connect', () => talk((text) => socket.write(text)));
  });
}

/** Writes `text` one character every `everyMs`, as a slow-loris client does. */
const trickle = (write: (text: string) => void, text: string, everyMs: number) => {
  let at = 0;
  const timer = setInterval(() => (at < text.length ? write(text[at++]!) : clearInterval(timer)), everyMs);
};

// The user's view, whatever the mechanism (Bun 1.4.5 does not cut requests with a body
// anyway; the next test covers the timer lift itself).
test('a chat request waiting on a slow provider is not cut short by the server', SLOW, async () => {
  fake.mode = 'slow';
  fake.slowMs = TICK_MS + 1_000;
  fake.reply = 'Worth the wait.';
  const response = await postJson(`${app.url}/api/chat`, { message: 'hi' });
  assert.equal(response.status, 200);
  assert.equal(((await response.json()) as { reply: string }).reply, 'Worth the wait.');
});

// Bun cuts a handler that has not answered when the timer runs out (on Bun 1.4.5, only
// for requests without a body: the case the chat route never has, so it is tried here).
test('any handler waiting on the AI has its timer lifted until the AI limits end', SLOW, async () => {
  fake.mode = 'slow';
  fake.slowMs = TICK_MS + 1_000;
  const log = memoryLogger();
  const config = loadConfig(fakeProviderEnv(fake, { AI_TIMEOUT_MS: '20000' }));
  const ai = servedAi(createAi(config, log.logger));
  const server = listen(
    async () => {
      const { text } = await ai.complete({ input: 'hi' });
      return new Response(text);
    },
    { host: '127.0.0.1', port: 0, logger: log.logger, ...SHORT_LIMITS },
  );
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/`);
    assert.equal(response.status, 200);
    assert.equal(await response.text(), fake.reply);
  } finally {
    await server.stop(true);
  }
});

// Each at once: they wait on Bun's timers, the head's the longest (about 10 s, Bun's own).
test('slow clients are cut off: a trickling head, a trickling body, an idle keep-alive after a reply', SLOW, async () => {
  const chatHead = 'POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n';
  const chatBody = JSON.stringify({ message: 'hi' });
  const [head, body, keepAlive] = await Promise.all([
    watchConnection(app.url, (write) => trickle(write, `GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'x'.repeat(100)}\r\n\r\n`, 500), 10_000 + TICK_MS + 2_000),
    watchConnection(app.url, (write) => {
      write(chatHead);
      trickle(write, `{"message":"${'x'.repeat(180)}"}`, 200);
    }, TICK_MS + 3_000),
    // After a chat reply: the AI call lifted the timer, the reply must have set it again.
    watchConnection(app.url, (write) => write(`${chatHead.replace('200', String(chatBody.length))}${chatBody}`), TICK_MS + 3_000),
  ]);
  assert.ok(head.closedAfterMs !== undefined, 'a trickling head keeps its connection');
  assert.doesNotMatch(head.received, /^HTTP\/1\.1 200/, 'a trickling head was answered');
  assert.ok(body.closedAfterMs !== undefined, 'a trickling body keeps its connection');
  assert.doesNotMatch(body.received, /^HTTP\/1\.1 200/, 'a trickling body was answered');
  const sent = fake.requests.flatMap((request) => providerShape.userTexts(request.body));
  assert.deepEqual(sent, ['hi'], 'a trickling body reached the provider');
  assert.match(keepAlive.received, /^HTTP\/1\.1 200/);
  assert.ok(keepAlive.closedAfterMs !== undefined, 'an idle keep-alive connection stays open');
});

test('a body far over the limit is refused by Bun before the app reads it', async () => {
  const size = BUN_BODY_LIMIT_BYTES + 1;
  const head = `POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`;
  const watched = await watchConnection(app.url, (write) => write(head + 'x'.repeat(size)), 5_000);
  assert.match(watched.received, /^HTTP\/1\.1 413/);
  // Bun's own answer: the app, which gives every response a request id, never saw it.
  assert.doesNotMatch(watched.received, /x-request-id/i);
  assert.equal(fake.requests.length, 0);
});

test("the client address is the socket's, whatever the headers say", async () => {
  const log = memoryLogger();
  const probe = new Hono<HonoEnv>().get('/', (c) => c.text(clientAddress(c) ?? 'unknown'));
  const server = listen(probe.fetch, { host: '127.0.0.1', port: 0, logger: log.logger });
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/`, { headers: { 'x-forwarded-for': '198.51.100.7' } });
    assert.equal(await response.text(), '127.0.0.1');
  } finally {
    await server.stop(true);
  }
});

test('the port is not shared with another server', async () => {
  const log = memoryLogger();
  const port = Number(new URL(app.url).port);
  let second: ReturnType<typeof listen>;
  try {
    second = listen(() => new Response('second'), { host: '127.0.0.1', port, logger: log.logger });
  } catch {
    return;
  }
  await second.stop(true);
  assert.fail('a second server listens on the same port');
});

test("an error the app does not catch gets our error body, never Bun's error page", async () => {
  const log = memoryLogger();
  const server = listen(() => {
    throw new Error('boom');
  }, { host: '127.0.0.1', port: 0, logger: log.logger });
  try {
    assert.equal(server.development, false);
    const response = await postJson(`http://127.0.0.1:${server.port}/`, {});
    const body = await assertErrorBody(response, 500, 'internal_error');
    assert.doesNotMatch(JSON.stringify(body), /boom/);
    assert.doesNotMatch(JSON.stringify(body), STACK_FRAME);
    assert.match(log.text(), /"msg":"server\.error"/);
  } finally {
    await server.stop(true);
  }
});
