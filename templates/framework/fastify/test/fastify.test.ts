import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createAi } from '../src/ai/client.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config/env.ts';
import { CONNECTION_TIMEOUT_MS, HEADERS_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, REQUEST_TIMEOUT_MS } from '../src/http/policy.ts';
import { fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { memoryLogger } from './support/memory-log.ts';

// What only Fastify needs; the shared server tests cover the rest.
const fake = fakeProviderForFile();
after(() => fake.close());

test("Fastify's server has the slow-client timeouts (its defaults are none)", async () => {
  const config = loadConfig(fakeProviderEnv(fake));
  const { logger } = memoryLogger();
  const app = buildApp({ config, ai: createAi(config, logger), logger });
  try {
    await app.ready();
    assert.equal(app.server.headersTimeout, HEADERS_TIMEOUT_MS);
    assert.equal(app.server.requestTimeout, REQUEST_TIMEOUT_MS);
    assert.equal(app.server.keepAliveTimeout, KEEP_ALIVE_TIMEOUT_MS);
    assert.equal(app.server.timeout, CONNECTION_TIMEOUT_MS);
  } finally {
    await app.close();
  }
});
