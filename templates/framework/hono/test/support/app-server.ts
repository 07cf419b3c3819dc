import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { createAi } from '../../src/ai/client.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { createHttpServer } from '../../src/http/serve.ts';
import { withNodeEnv, type StartApp } from './app-contract.ts';
import { fakeProviderEnv } from './env.ts';
import { memoryLogger } from './memory-log.ts';

/** The Hono adapter for the shared server tests (see app-contract.ts). */
export const startApp: StartApp = (fake, overrides = {}, nodeEnv) =>
  withNodeEnv(nodeEnv, async () => {
    const config = loadConfig(fakeProviderEnv(fake, overrides));
    const log = memoryLogger('debug');
    const app = createApp({ config, ai: createAi(config, log.logger), logger: log.logger });
    const server = createHttpServer(getRequestListener(app.fetch)).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      logs: log.text,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  });
