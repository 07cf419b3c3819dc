import { createAi } from './ai/client.ts';
import { createBunApp } from './bun-app.ts';
import { loadConfigOrExit } from './config/startup.ts';
import { serve } from './http/serve.ts';
import { createLogger } from './log/logger.ts';

// Fail fast: a bad config exits 2 with the variable names, before any socket opens.
const config = loadConfigOrExit();
const logger = createLogger({ level: config.LOG_LEVEL });
const app = createBunApp({ config, ai: createAi(config, logger), logger });

try {
  // Bun.serve hands app.fetch its server as the second argument: http/client-address.ts reads it.
  serve(app.fetch, { host: config.HOST, port: config.PORT, logger });
} catch (error) {
  // A taken port, or a HOST that is no address of this machine.
  logger.error('server.listen_failed', { error });
  process.exitCode = 1;
}
