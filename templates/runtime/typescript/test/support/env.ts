import type { FakeProvider } from './fake-provider.ts';
import { providerShape } from './provider-shape.ts';
import { SENTINEL } from './sentinel.ts';

/**
 * A complete, valid environment that points the real SDK at the fake provider
 * with the sentinel as the key. Retries are off so each test counts calls exactly.
 */
export function fakeProviderEnv(fake: FakeProvider, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    [providerShape.keyEnv]: SENTINEL,
    [providerShape.baseUrlEnv]: `${fake.url}${providerShape.baseUrlSuffix}`,
    AI_TIMEOUT_MS: '5000',
    AI_MAX_RETRIES: '0',
    LOG_LEVEL: 'debug',
    ...providerShape.requiredEnv,
    ...overrides,
  };
}

/**
 * For child processes: only what Node needs to start, never the developer's
 * own environment (which may hold a real key).
 */
export function childEnv(vars: Record<string, string | undefined>): Record<string, string> {
  const base: Record<string, string | undefined> = { PATH: process.env['PATH'], SYSTEMROOT: process.env['SYSTEMROOT'] };
  const all = { ...base, ...vars };
  return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
