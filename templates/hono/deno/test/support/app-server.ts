import { createAi } from '../../src/ai/client.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { clientAddress } from '../../src/http/client-address.ts';
import { listen } from '../../src/http/serve.ts';
import { withNodeEnv, type StartApp } from './app-contract.ts';
import { fakeProviderEnv } from './env.ts';
import { memoryLogger } from './memory-log.ts';

/**
 * The Hono adapter for the shared server tests (see app-contract.ts): the app is built
 * in this process, with the real AI module and a logger the test reads, and served by
 * the same listen() (body deadline included) as in production.
 */
export const startApp: StartApp = (fake, overrides = {}, nodeEnv) =>
  withNodeEnv(nodeEnv, async () => {
    const config = loadConfig(fakeProviderEnv(fake, overrides));
    const log = memoryLogger('debug');
    const app = createApp({ config, ai: createAi(config, log.logger), logger: log.logger, clientAddress });
    const server = listen((request, info) => app.fetch(request, info), { host: '127.0.0.1', port: 0, logger: log.logger });
    return { url: `http://127.0.0.1:${server.addr.port}`, logs: log.text, close: () => server.shutdown() };
  });
