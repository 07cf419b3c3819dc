import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import { createAi } from '../src/ai/client.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/env.ts';
import { clientAddress } from '../src/http/client-address.ts';
import { listen } from '../src/http/serve.ts';
import { fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { postJson } from './support/http.ts';
import { memoryLogger } from './support/memory-log.ts';

// Deno.serve has no request timeout; src/http/serve.ts gives the body one (REQUEST_TIMEOUT_MS,
// shortened here). It starts when the head has arrived and ends when the body has.
const DEADLINE_MS = 300;
const fake = fakeProviderForFile();
const log = memoryLogger('debug');
let server: Deno.HttpServer<Deno.NetAddr>;
before(async () => {
  await fake.listen();
  const config = loadConfig(fakeProviderEnv(fake));
  const app = createApp({ config, ai: createAi(config, log.logger), logger: log.logger, clientAddress });
  server = listen((request, info) => app.fetch(request, info), { host: '127.0.0.1', port: 0, logger: log.logger, requestTimeoutMs: DEADLINE_MS });
});
after(async () => {
  await server.shutdown();
  await fake.close();
});
beforeEach(() => fake.reset());

/**
 * Sends a request head and the start of its body, then waits: resolves with what the
 * server answered, and sends `rest` after the answer (it must reach nobody).
 */
function slowBody(head: string, start: string, rest: string, port = server.addr.port): Promise<{ response: string; afterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let response = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(head + start));
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer after 5 s'));
    }, 5_000);
    socket.on('error', () => undefined);
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      response += chunk;
      if (!response.includes('\r\n\r\n')) return;
      clearTimeout(giveUp);
      const afterMs = Date.now() - started;
      // Deno keeps the connection open; the rest of the body now completes valid JSON.
      socket.write(rest, () => setTimeout(() => {
        socket.destroy();
        resolve({ response, afterMs });
      }, 200));
    });
  });
}

const headOf = (lengthHeader: string) =>
  `POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${lengthHeader}\r\n\r\n`;
const BODY = JSON.stringify({ message: 'hi' });

test('a body still incomplete at the deadline gets a 408; the rest never reaches the app', async () => {
  const { response, afterMs } = await slowBody(headOf(`Content-Length: ${BODY.length}`), BODY.slice(0, -1), BODY.slice(-1));
  assert.match(response, /^HTTP\/1\.1 408 /);
  // The contract's error body and a request id, like every other error.
  assert.match(response, /\r\nx-request-id: [0-9a-f-]{36}\r\n/i);
  assert.match(response, /\{"error":\{"code":"request_timeout","message":"The request took too long to arrive\."\},"requestId":"[0-9a-f-]{36}"\}/);
  assert.ok(afterMs >= DEADLINE_MS && afterMs < DEADLINE_MS + 2_000, `answered after ${afterMs} ms`);
  assert.equal(fake.requests.length, 0);
});

test('the handler never gets a body cut off at the deadline, even one that parses', async () => {
  const bodiesRead: string[] = [];
  const probe = listen(async (request) => {
    bodiesRead.push(await request.text());
    return new Response('read');
  }, { host: '127.0.0.1', port: 0, logger: log.logger, requestTimeoutMs: DEADLINE_MS });
  try {
    const { response } = await slowBody(headOf(`Content-Length: ${BODY.length + 4}`), BODY, '    ', probe.addr.port);
    assert.match(response, /^HTTP\/1\.1 408 /);
    assert.deepEqual(bodiesRead, []);
  } finally {
    await probe.shutdown();
  }
});

test('a chunked body still incomplete at the deadline gets a 408 too', async () => {
  const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
  const { response } = await slowBody(headOf('Transfer-Encoding: chunked'), chunk(BODY.slice(0, -1)), `${chunk(BODY.slice(-1))}0\r\n\r\n`);
  assert.match(response, /^HTTP\/1\.1 408 /);
  assert.equal(fake.requests.length, 0);
});

test('the deadline covers the body only: a slower AI answer still arrives', async () => {
  fake.mode = 'slow';
  fake.slowMs = DEADLINE_MS * 3;
  const response = await postJson(`http://127.0.0.1:${server.addr.port}/api/chat`, { message: 'hi' });
  assert.equal(response.status, 200);
  assert.equal(fake.requests.length, 1);
});

test('a timed-out body is one warning in the log, not an error', () => {
  assert.match(log.text(), /"level":"warn","msg":"server\.request_timeout"/);
  assert.doesNotMatch(log.text(), /"level":"error"/);
});
