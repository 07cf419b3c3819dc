import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { clientAddress } from '../src/http/client-address.ts';
import type { HonoEnv } from '../src/http/hono-env.ts';
import { listen } from '../src/http/serve.ts';
import { STACK_FRAME, assertErrorBody } from './support/http.ts';
import { memoryLogger } from './support/memory-log.ts';

// The rate limit is keyed by this address: if it were lost, every client would share one window.
test("the client address is the socket's, whatever the headers say", async () => {
  const log = memoryLogger();
  const probe = new Hono<HonoEnv>().get('/', (c) => c.text(clientAddress(c) ?? 'unknown'));
  const server = listen((request, info) => probe.fetch(request, info), { host: '127.0.0.1', port: 0, logger: log.logger });
  try {
    const response = await fetch(`http://127.0.0.1:${server.addr.port}/`, { headers: { 'x-forwarded-for': '198.51.100.7' } });
    assert.equal(await response.text(), '127.0.0.1');
  } finally {
    await server.shutdown();
  }
});

test("an error the app does not catch gets our error body, never Deno's default", async () => {
  const log = memoryLogger();
  const server = listen(() => {
    throw new Error('boom');
  }, { host: '127.0.0.1', port: 0, logger: log.logger });
  try {
    const response = await fetch(`http://127.0.0.1:${server.addr.port}/`);
    const body = await assertErrorBody(response, 500, 'internal_error');
    assert.doesNotMatch(JSON.stringify(body), /boom/);
    assert.doesNotMatch(JSON.stringify(body), STACK_FRAME);
    assert.match(log.text(), /"msg":"server\.error"/);
  } finally {
    await server.shutdown();
  }
});
