import { createAi } from './ai/client.ts';
import { buildApp } from './app.ts';
import { loadConfigOrExit } from './config/startup.ts';
import { announceAndStopOnSignal } from './http/serve.ts';
import { createLogger } from './log/logger.ts';

// Fail fast: a bad config exits 2 with the variable names, before any socket opens.
const config = loadConfigOrExit();
const logger = createLogger({ level: config.LOG_LEVEL });
const app = buildApp({ config, ai: createAi(config, logger), logger });

try {
  await app.listen({ host: config.HOST, port: config.PORT });
  announceAndStopOnSignal(app.server, logger, async () => {
    await app.close();
  });
} catch (error) {
  logger.error('server.listen_failed', { error });
  process.exitCode = 1;
}
