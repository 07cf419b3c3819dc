import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientKey } from '../src/http/client-key.ts';

test('IPv4 peers are keyed by address, IPv4-mapped IPv6 as the same IPv4', () => {
  assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
  assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(clientKey(undefined), 'unknown');
});

test('IPv6 peers in one /64 share a key; another /64 gets its own', () => {
  const key = clientKey('2001:db8:aa:bb::1');
  assert.equal(key, '2001:db8:aa:bb::/64');
  assert.equal(clientKey('2001:0db8:00aa:00bb:ffff:1:2:3'), key);
  assert.equal(clientKey('2001:DB8:AA:BB:0:0:0:9%eth0'), key);
  assert.notEqual(clientKey('2001:db8:aa:bc::1'), key);
  assert.equal(clientKey('::1'), '0:0:0:0::/64');
  assert.equal(clientKey('2001:db8::'), '2001:db8:0:0::/64');
});
