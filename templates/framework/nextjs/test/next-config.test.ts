import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { NextRequest } from 'next/server.js';
import nextConfig from '../next.config.ts';
import { config as proxyConfig, proxy } from '../src/proxy.ts';
import { childEnv } from './support/env.ts';
import { providerShape } from './support/provider-shape.ts';
import { runNode } from './support/run.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

type HeaderRule = { source: string; headers: Array<{ key: string; value: string }> };
let rules: HeaderRule[] = [];
before(async () => {
  rules = (await nextConfig.headers?.()) as HeaderRule[];
});
const headersFor = (source: string) =>
  new Map(rules.find((rule) => rule.source === source)?.headers.map(({ key, value }) => [key.toLowerCase(), value]));

test('next.config: no X-Powered-By, no static export, no telemetry or online upgrade checks', () => {
  assert.equal(nextConfig.poweredByHeader, false);
  assert.equal(nextConfig.output, undefined);
  assert.equal(nextConfig.experimental?.agentUpgrade, false);
  assert.equal(process.env['NEXT_TELEMETRY_DISABLED'], '1');
});

test('next.config: security headers on every path, a no-content CSP on the API and /health', () => {
  const every = headersFor('/:path*');
  assert.match(every.get('strict-transport-security') ?? '', /max-age=\d{7,}/);
  assert.equal(every.get('x-content-type-options'), 'nosniff');
  assert.equal(every.get('referrer-policy'), 'no-referrer');
  for (const source of ['/api/:path*', '/health']) {
    assert.equal(headersFor(source).get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
  }
});

test('proxy: each page request gets its own nonce, in the request (for Next.js) and the response', () => {
  const policies = [1, 2].map(() => {
    const response = proxy(new NextRequest('http://127.0.0.1:3000/'));
    const csp = response.headers.get('content-security-policy') ?? '';
    // NextResponse.next() passes overridden request headers on under this prefix.
    assert.equal(response.headers.get('x-middleware-request-content-security-policy'), csp);
    return csp;
  });
  const nonces = policies.map((csp) => /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1]);
  assert.ok(nonces[0] && nonces[1] && nonces[0] !== nonces[1], 'a fresh nonce per request');
  const scriptSrc = /script-src ([^;]*)/.exec(policies[0] ?? '')?.[1] ?? '';
  assert.doesNotMatch(scriptSrc, /'unsafe-inline'|'unsafe-eval'|\*/);
  for (const directive of ["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"]) {
    assert.ok(policies[0]?.includes(directive), `missing ${directive}`);
  }
});

test('proxy: runs for pages, not for the API, /health or build assets', () => {
  const { source } = proxyConfig.matcher[0] ?? { source: '' };
  const matches = (path: string) => new RegExp(`^${source}$`).test(path);
  for (const page of ['/', '/about', '/nope', '/favicon.ico']) assert.ok(matches(page), page);
  for (const other of ['/api/chat', '/health', '/_next/static/chunks/a.js']) assert.ok(!matches(other), other);
});

// Under `next dev` (src/server.ts checks first under `npm start`).
const REGISTER = "process.env.NEXT_RUNTIME = 'nodejs'; const { register } = await import('./src/instrumentation.ts'); await register(); console.log('started');";
const register = (vars: Record<string, string | undefined>) =>
  runNode(['--conditions=react-server', '--input-type=module', '--eval', REGISTER], childEnv(vars));

test('instrumentation: a bad environment stops the server with exit 2, naming the variable only', async () => {
  const { code, stdout, stderr } = await register({ [providerShape.keyEnv]: undefined, AI_TIMEOUT_MS: SENTINEL });
  assert.equal(code, 2);
  assert.match(stderr, new RegExp(`\\b${providerShape.keyEnv}\\b`));
  assert.match(stderr, /\bAI_TIMEOUT_MS\b/);
  assert.doesNotMatch(stdout, /started/);
  assertNoSentinel(stdout + stderr, 'output');
});

test('instrumentation: skips validation during `next build`, which needs no environment', async () => {
  const { code, stderr } = await register({ NEXT_PHASE: 'phase-production-build' });
  assert.equal(code, 0, stderr);
});
