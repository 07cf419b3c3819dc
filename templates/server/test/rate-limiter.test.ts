import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRateLimiter } from '../src/http/rate-limiter.ts';

test('allows N requests per window per client, then refuses with the seconds left', () => {
  let clock = 1_000_000;
  const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, now: () => clock });
  assert.deepEqual([1, 2, 3].map(() => limiter.hit('a').allowed), [true, true, true]);
  clock += 20_000;
  const refused = limiter.hit('a');
  assert.equal(refused.allowed, false);
  assert.equal(refused.retryAfterSeconds, 40);
  assert.equal(limiter.hit('b').allowed, true, 'another client has its own window');
  clock += 40_000;
  assert.equal(limiter.hit('a').allowed, true, 'a new window starts after the old one ends');
});
