import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import cors from '@fastify/cors';
import fastify, { type FastifyInstance } from 'fastify';
import { createAi } from '../src/ai/client.ts';
import { loadConfig } from '../src/config/env.ts';
import { mountSecureAi } from '../src/mount-fastify.ts';
import type { FakeProvider } from './support/fake-provider.ts';
import { fakeProviderEnv } from './support/env.ts';
import { postJson } from './support/http.ts';
import { memoryLogger } from './support/memory-log.ts';
import { mountContract, type StartHostWithMount } from './support/mount-contract.ts';

// Our endpoints mounted at /ai in a Fastify app the user already has (see
// mount-contract.ts for its routes). Everything runs in this process.
function depsFor(fake: FakeProvider, overrides: Record<string, string> = {}) {
  const config = loadConfig(fakeProviderEnv(fake, overrides));
  const log = memoryLogger('debug');
  return { deps: { config, ai: createAi(config, log.logger), logger: log.logger }, logs: log.text };
}

const startHostWithMount: StartHostWithMount<FastifyInstance> = async (fake, overrides, options = {}) => {
  const { deps, logs } = depsFor(fake, overrides);
  // The user's own choices: a small body limit, their own request ids, a form parser.
  const app = fastify({ bodyLimit: 1024 });
  options.configure?.(app);
  app.setErrorHandler((_error, _request, reply) => {
    reply.code(500).type('text/plain').send('user error');
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).type('text/plain').send('user 404');
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.get('/', async () => 'user home');
  app.get('/boom', async () => {
    throw new Error('user failure');
  });
  app.post('/api/form', async (request) => request.body);
  await mountSecureAi(app, deps, options);
  app.get('/api/users', async () => [{ name: 'Ada' }]);
  await app.register(cors, { origin: '*' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    logs,
    close: async () => {
      app.server.closeAllConnections();
      await app.close();
    },
  };
};

mountContract({
  framework: 'Fastify',
  startHostWithMount,
  // Our scope parses JSON only, whatever the host app parses.
  notJsonStatuses: [415],
  moreTests: {
    mounted: ({ fake, host }) => {
      test("our body limit holds whatever the user's app sets (1 kB here)", async () => {
        const response = await postJson(`${host.url}/ai/api/chat`, { message: 'hi', padding: 'x'.repeat(4 * 1024) });
        assert.equal(response.status, 200);
        assert.equal(fake.requests.length, 1);
      });
    },
    misuse: ({ fake }) => {
      test('an app-wide @fastify/cors registered before the mount is refused, not silently used', async () => {
        const app = fastify();
        await app.register(cors, { origin: '*' });
        await assert.rejects(mountSecureAi(app, depsFor(fake).deps), /before an app-wide @fastify\/cors/);
        await app.close();
      });
    },
  },
});
