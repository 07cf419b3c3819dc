import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config/env.ts';
import { providerShape } from './support/provider-shape.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

const env = (overrides: Record<string, string> = {}) => ({
  [providerShape.keyEnv]: SENTINEL,
  [providerShape.baseUrlEnv]: 'https://api.example.com/v1',
  ...providerShape.requiredEnv,
  ...overrides,
});

function rejects(overrides: Record<string, string>, variable: string): void {
  assert.throws(() => loadConfig(env(overrides)), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.deepEqual(error.variables, [variable]);
    assertNoSentinel(error.message, `error for ${variable}`);
    return true;
  });
}

test('server defaults: loopback, port 3000, no CORS origins, 20 requests a minute', () => {
  const config = loadConfig(env());
  assert.equal(config.HOST, '127.0.0.1');
  assert.equal(config.PORT, 3000);
  assert.deepEqual(config.CORS_ORIGINS, []);
  assert.equal(config.RATE_LIMIT_PER_MINUTE, 20);
});

test('PORT and RATE_LIMIT_PER_MINUTE are bounded', () => {
  assert.equal(loadConfig(env({ PORT: '0' })).PORT, 0);
  assert.equal(loadConfig(env({ PORT: '65535' })).PORT, 65_535);
  for (const bad of ['65536', '-1', 'http', SENTINEL]) rejects({ PORT: bad }, 'PORT');
  assert.equal(loadConfig(env({ RATE_LIMIT_PER_MINUTE: '10000' })).RATE_LIMIT_PER_MINUTE, 10_000);
  for (const bad of ['0', '10001', SENTINEL]) rejects({ RATE_LIMIT_PER_MINUTE: bad }, 'RATE_LIMIT_PER_MINUTE');
});

test('CORS_ORIGINS takes exact origins only, never a wildcard', () => {
  const config = loadConfig(env({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }));
  assert.deepEqual(config.CORS_ORIGINS, ['https://app.example.com', 'http://localhost:5173']);
  for (const bad of ['*', 'https://app.example.com/path', 'app.example.com', `https://${SENTINEL}.example.com/x`]) {
    rejects({ CORS_ORIGINS: bad }, 'CORS_ORIGINS');
  }
});
