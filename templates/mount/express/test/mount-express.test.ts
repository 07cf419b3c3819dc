import assert from 'node:assert/strict';
import { test } from 'node:test';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express } from 'express';
import { mountSecureAi } from '../src/mount-express.ts';
import { assertErrorBody, postJson } from './support/http.ts';
import { inProcessApp } from './support/in-process-app.ts';
import { mountContract, type StartHostWithMount } from './support/mount-contract.ts';

// Our endpoints mounted at /ai in an Express app the user already has (see
// mount-contract.ts for its routes). Everything runs in this process.
const startHostWithMount: StartHostWithMount<Express> = (fake, overrides, options = {}) =>
  inProcessApp((deps) => {
    const app = express();
    options.configure?.(app);
    app.get('/', (_req, res) => {
      res.send('user home');
    });
    app.get('/boom', () => {
      throw new Error('user failure');
    });
    app.post('/api/form', express.urlencoded({ extended: false }), (req, res) => {
      res.json(req.body);
    });
    mountSecureAi(app, deps, options);
    app.use(cors());
    app.get('/api/users', (_req, res) => {
      res.json([{ name: 'Ada' }]);
    });
    app.use((_req, res) => {
      res.status(404).send('user 404');
    });
    app.use(((_error, _req, res, _next) => {
      res.status(500).send('user error');
    }) satisfies ErrorRequestHandler);
    return app;
  })(fake, overrides);

mountContract({
  framework: 'Express',
  startHostWithMount,
  // Our app turns x-powered-by off for its own responses only.
  hostHeaders: { 'x-powered-by': 'Express' },
  moreTests: {
    rateLimit: ({ startHost }) => {
      test("the host app's trust proxy setting decides who the client is", async () => {
        const proxied = await startHost({ RATE_LIMIT_PER_MINUTE: '1' }, { configure: (host) => host.set('trust proxy', 'loopback') });
        for (const client of ['198.51.100.7', '198.51.100.8']) {
          const headers = { 'x-forwarded-for': client };
          assert.equal((await postJson(`${proxied.url}/ai/api/chat`, { message: 'hi' }, headers)).status, 200);
          await assertErrorBody(await postJson(`${proxied.url}/ai/api/chat`, { message: 'hi' }, headers), 429, 'rate_limited');
        }
      });
    },
    misuse: ({ host, startHost }) => {
      test('a body parser of the host app ahead of the mount is reported in the log', async () => {
        const early = await startHost({}, { configure: (app) => app.use(express.json()) });
        assert.equal((await postJson(`${early.url}/ai/api/chat`, { message: 'hi' })).status, 200);
        assert.match(early.logs(), /secure_ai\.body_parsed_before_mount/);
        assert.doesNotMatch(host.logs(), /secure_ai\.body_parsed_before_mount/);
      });
    },
  },
});
