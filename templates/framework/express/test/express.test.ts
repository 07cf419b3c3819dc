import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createAi } from '../src/ai/client.ts';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/env.ts';
import { fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { memoryLogger } from './support/memory-log.ts';

// What only Express needs; the shared server tests cover the rest.
const fake = fakeProviderForFile();
after(() => fake.close());

const build = () => {
  const config = loadConfig(fakeProviderEnv(fake));
  const { logger } = memoryLogger();
  return createApp({ config, ai: createAi(config, logger), logger });
};

test('X-Powered-By is off in Express itself, not only hidden by helmet', () => {
  assert.equal(build().enabled('x-powered-by'), false);
});

test('trust proxy is off, so X-Forwarded-For cannot choose the client IP', () => {
  assert.equal(build().get('trust proxy'), false);
});
