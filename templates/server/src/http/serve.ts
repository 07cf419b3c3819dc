import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger.ts';
import { HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, SHUTDOWN_GRACE_MS } from './policy.ts';

export interface ServeOptions {
  host: string;
  port: number;
  logger: Logger;
}

/**
 * Listens with slow-client timeouts, logs the bound address (a JSON line, so a
 * test that asked for port 0 can read the real one) and shuts down cleanly on
 * SIGTERM/SIGINT. Works for any framework that yields a Node request listener.
 */
export async function serve(listener: RequestListener, { host, port, logger }: ServeOptions): Promise<Server> {
  const server = createServer(listener);
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  logger.info('server.listening', { host: address.address, port: address.port });

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info('server.stopping', { signal });
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return server;
}
