import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { mountSecureAi } from '../src/mount-hono.ts';
import { inProcessApp } from './support/in-process-app.ts';
import { mountContract, type StartHostWithMount } from './support/mount-contract.ts';

// Our endpoints mounted at /ai in a Hono app the user already has (see
// mount-contract.ts for its routes). Everything runs in this process. Hono's
// app.route() does not carry our notFound over: the shared 404 tests cover the
// stand-in of mount-hono.ts.
const startHostWithMount: StartHostWithMount<Hono> = (fake, overrides, options = {}) =>
  inProcessApp((deps) => {
    const app = new Hono();
    options.configure?.(app);
    app.get('/', (c) => c.text('user home'));
    app.get('/boom', () => {
      throw new Error('user failure');
    });
    app.post('/api/form', async (c) => c.json(await c.req.parseBody()));
    mountSecureAi(app, deps, options);
    app.use(cors());
    app.get('/api/users', (c) => c.json([{ name: 'Ada' }]));
    app.notFound((c) => c.text('user 404', 404));
    app.onError((_error, c) => c.text('user error', 500));
    return getRequestListener(app.fetch);
  })(fake, overrides);

mountContract({ framework: 'Hono', startHostWithMount });
