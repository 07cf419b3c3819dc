import type { AddressInfo } from 'node:net';
import { createAi } from '../../src/ai/client.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { withNodeEnv, type StartApp } from './app-contract.ts';
import { fakeProviderEnv } from './env.ts';
import { memoryLogger } from './memory-log.ts';

/** The Fastify adapter for the shared server tests (see app-contract.ts). */
export const startApp: StartApp = (fake, overrides = {}, nodeEnv) =>
  withNodeEnv(nodeEnv, async () => {
    const config = loadConfig(fakeProviderEnv(fake, overrides));
    const log = memoryLogger('debug');
    const app = buildApp({ config, ai: createAi(config, log.logger), logger: log.logger });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      logs: log.text,
      close: async () => {
        app.server.closeAllConnections();
        await app.close();
      },
    };
  });
