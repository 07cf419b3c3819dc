import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startNextServer } from './support/app-server.ts';
import { fakeProviderEnv } from './support/env.ts';
import { fakeProviderForFile } from './support/fake-provider.ts';
import { assertNoSentinel } from './support/sentinel.ts';
import type { ServerProcess } from './support/server-process.ts';

// The page from the production build (`npm test` builds first), as a browser gets it.
const fake = fakeProviderForFile();
let server: ServerProcess;
before(async () => {
  await fake.listen();
  server = await startNextServer(fakeProviderEnv(fake));
});
after(async () => {
  await server.stop();
  await fake.close();
});

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

test('GET / carries a strict CSP whose fresh nonce is on every script, and no inline script without it', async () => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const response = await fetch(`${server.url}/`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-powered-by'), null);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(/script-src ([^;]*)/.exec(csp)?.[1] ?? '', /'unsafe-inline'/);
    const nonce = nonceOf(csp);
    assert.ok(nonce, 'the policy has a nonce');
    nonces.push(nonce);

    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length > 0, 'the page has scripts');
    for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `script without the nonce: ${tag}`);
    assertNoSentinel(html, 'page');
  }
  assert.notEqual(nonces[0], nonces[1], 'each response has its own nonce');
});

test('the page reaches the AI only through /api/chat: its scripts hold no SDK and no key', async () => {
  const html = await (await fetch(`${server.url}/`)).text();
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] ?? '');
  assert.ok(sources.length > 0);
  for (const source of sources) {
    const script = await (await fetch(new URL(source, server.url))).text();
    assertNoSentinel(script, source);
    assert.doesNotMatch(script, /api\.openai\.com|api\.anthropic\.com|dangerouslyAllowBrowser/, source);
  }
});
