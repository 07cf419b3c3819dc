import { once } from 'node:events';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAi } from '../../src/ai/client.ts';
import type { Ai } from '../../src/ai/types.ts';
import { loadConfig, type Config } from '../../src/config/env.ts';
import { createHttpServer } from '../../src/http/serve.ts';
import type { Logger } from '../../src/log/logger.ts';
import { withNodeEnv, type StartApp } from './app-contract.ts';
import { fakeProviderEnv } from './env.ts';
import { memoryLogger } from './memory-log.ts';

/**
 * An adapter for frameworks that yield a Node request listener (Express, Hono): the
 * app is built in this process, with the real AI module and a logger the test reads,
 * and served by the same createHttpServer (timeouts included) as in production.
 */
export function inProcessApp(listenerOf: (deps: { config: Config; ai: Ai; logger: Logger }) => RequestListener): StartApp {
  return (fake, overrides = {}, nodeEnv) =>
    withNodeEnv(nodeEnv, async () => {
      const config = loadConfig(fakeProviderEnv(fake, overrides));
      const log = memoryLogger('debug');
      const server = createHttpServer(listenerOf({ config, ai: createAi(config, log.logger), logger: log.logger })).listen(0, '127.0.0.1');
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
}
