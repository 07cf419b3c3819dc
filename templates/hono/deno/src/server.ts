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
  // Hono's fetch takes Deno's connection info as its env: http/client-address.ts reads it.
  serve((request, info) => app.fetch(request, info), { host: config.HOST, port: config.PORT, logger });
} catch (error) {
  // A taken port, or a HOST/PORT that deno.json's --allow-net does not list (NotCapable).
  logger.error('server.listen_failed', { error });
  Deno.exitCode = 1;
}
