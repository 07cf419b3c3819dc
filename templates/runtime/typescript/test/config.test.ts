import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { ConfigError, envKeys, loadConfig } from '../src/config/env.ts';
import { providerShape } from './support/provider-shape.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

const KEY = providerShape.keyEnv;
const BASE_URL = providerShape.baseUrlEnv;

const validEnv = (overrides: Record<string, string | undefined> = {}) => ({
  [KEY]: SENTINEL,
  [BASE_URL]: 'https://api.example.com/v1',
  ...providerShape.requiredEnv,
  ...overrides,
});

const read = (env: Record<string, string | undefined>, name: string): unknown =>
  (loadConfig(env) as Record<string, unknown>)[name];

/** Asserts loading fails, names `variable`, and shows the value nowhere. */
function expectRejected(env: Record<string, string | undefined>, variable: string): void {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof ConfigError, `expected a ConfigError for ${variable}`);
  assert.ok(caught.variables.includes(variable), `${variable} not named in: ${caught.message}`);
  assert.match(caught.message, new RegExp(`\\b${variable}\\b`));
  for (const view of [caught.message, caught.stack ?? '', inspect(caught), JSON.stringify(caught)]) {
    assertNoSentinel(view, `ConfigError for ${variable}`);
  }
}

describe('env config', () => {
  test('applies the documented defaults and freezes the result', () => {
    const config = loadConfig(validEnv());
    assert.equal(config.AI_TIMEOUT_MS, 30_000);
    assert.equal(config.AI_MAX_RETRIES, 2);
    assert.equal(config.AI_MAX_INPUT_CHARS, 4_000);
    assert.equal(config.AI_MAX_OUTPUT_TOKENS, 1_024);
    assert.equal(config.LOG_LEVEL, 'info');
    assert.ok(Object.isFrozen(config));
  });

  test('lists the provider and common variables in the schema', () => {
    for (const name of [KEY, BASE_URL, 'AI_MODEL', 'AI_TIMEOUT_MS', 'AI_MAX_RETRIES', 'AI_MAX_INPUT_CHARS']) {
      assert.ok(envKeys.includes(name), name);
    }
    assert.ok(envKeys.includes('AI_MAX_OUTPUT_TOKENS') && envKeys.includes('LOG_LEVEL'));
  });

  test('a missing, empty or blank key is refused by name', () => {
    expectRejected(validEnv({ [KEY]: undefined }), KEY);
    expectRejected(validEnv({ [KEY]: '' }), KEY);
    expectRejected(validEnv({ [KEY]: '   ' }), KEY);
  });

  test('invalid values holding the sentinel are named, never echoed', () => {
    for (const name of ['AI_TIMEOUT_MS', 'AI_MAX_RETRIES', 'AI_MAX_INPUT_CHARS', 'AI_MAX_OUTPUT_TOKENS', 'LOG_LEVEL']) {
      expectRejected(validEnv({ [name]: SENTINEL }), name);
    }
    expectRejected(validEnv({ [BASE_URL]: `http://evil.example/${SENTINEL}` }), BASE_URL);
    expectRejected(validEnv({ [BASE_URL]: SENTINEL }), BASE_URL);
    expectRejected(validEnv({ [BASE_URL]: `https://user:${SENTINEL}@api.example.com/v1` }), BASE_URL);
  });

  test('every bad variable is named at once', () => {
    const env = validEnv({ [KEY]: '', AI_TIMEOUT_MS: '0', LOG_LEVEL: 'loud' });
    assert.throws(() => loadConfig(env), (error: ConfigError) => {
      assert.deepEqual([...error.variables].sort(), [KEY, 'AI_TIMEOUT_MS', 'LOG_LEVEL'].sort());
      return true;
    });
  });

  test('base URLs must be https, except plain http on loopback', () => {
    for (const url of ['https://api.example.com/v1', 'http://localhost:11434/v1', 'http://127.0.0.1:8080', 'http://127.9.8.7', 'http://[::1]:8000/v1']) {
      assert.equal(read(validEnv({ [BASE_URL]: url }), BASE_URL), url);
    }
    for (const url of ['http://api.example.com/v1', 'http://10.0.0.5/v1', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example', 'ftp://127.0.0.1', 'file:///etc/passwd', 'not a url']) {
      expectRejected(validEnv({ [BASE_URL]: url }), BASE_URL);
    }
  });

  test('numeric limits are bounded', () => {
    const bounds: Array<[string, number, number]> = [
      ['AI_TIMEOUT_MS', 100, 120_000],
      ['AI_MAX_RETRIES', 0, 5],
      ['AI_MAX_INPUT_CHARS', 1, 100_000],
      ['AI_MAX_OUTPUT_TOKENS', 1, 32_768],
    ];
    for (const [name, min, max] of bounds) {
      assert.equal(read(validEnv({ [name]: String(min) }), name), min);
      assert.equal(read(validEnv({ [name]: String(max) }), name), max);
      for (const bad of [String(min - 1), String(max + 1), '1.5', '1e3', '-1', '0x10', 'ten']) {
        expectRejected(validEnv({ [name]: bad }), name);
      }
    }
  });

  test('LOG_LEVEL accepts only the known levels', () => {
    for (const level of ['debug', 'info', 'warn', 'error', 'silent']) {
      assert.equal(loadConfig(validEnv({ LOG_LEVEL: level })).LOG_LEVEL, level);
    }
    expectRejected(validEnv({ LOG_LEVEL: 'verbose' }), 'LOG_LEVEL');
  });
});
