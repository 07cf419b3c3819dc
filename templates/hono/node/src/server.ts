import { getRequestListener } from '@hono/node-server';
import { createAi } from './ai/client.ts';
import { createApp } from './app.ts';
import { loadConfigOrExit } from './config/startup.ts';
import { clientAddress } from './http/client-address.ts';
import { serve } from './http/serve.ts';
import { createLogger } from './log/logger.ts';

// Fail fast: a bad config exits 2 with the variable names, before any socket opens.
const config = loadConfigOrExit();
const logger = createLogger({ level: config.LOG_LEVEL });
const app = createApp({ config, ai: createAi(config, logger), logger, clientAddress });

try {
  // Hono as a Node request listener, on the same hardened server as the other variants.
  await serve(getRequestListener(app.fetch), { host: config.HOST, port: config.PORT, logger });
} catch (error) {
  logger.error('server.listen_failed', { error });
  process.exitCode = 1;
}
