import { createAi } from '../../src/ai/client.ts';
import { createBunApp } from '../../src/bun-app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { listen, type ServerLimits } from '../../src/http/serve.ts';
import { withNodeEnv, type StartApp } from './app-contract.ts';
import { fakeProviderEnv } from './env.ts';
import { memoryLogger } from './memory-log.ts';

/**
 * The app built in this process, with the real AI module and a logger the test reads,
 * served on 127.0.0.1 (random port) by the same Bun.serve setup as src/server.ts, with
 * the limits of policy.ts unless `limits` shortens them.
 */
export function startAppWith(limits: ServerLimits = {}): StartApp {
  return (fake, overrides = {}, nodeEnv) =>
    withNodeEnv(nodeEnv, async () => {
      const config = loadConfig(fakeProviderEnv(fake, overrides));
      const log = memoryLogger('debug');
      const app = createBunApp({ config, ai: createAi(config, log.logger), logger: log.logger });
      const server = listen(app.fetch, { host: '127.0.0.1', port: 0, logger: log.logger, ...limits });
      return { url: `http://127.0.0.1:${server.port}`, logs: log.text, close: () => server.stop(true) };
    });
}

/** The Hono-on-Bun adapter for the shared server tests (see app-contract.ts). */
export const startApp = startAppWith();
