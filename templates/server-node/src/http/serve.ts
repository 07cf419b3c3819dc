import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger.ts';
import {
  CONNECTION_TIMEOUT_MS,
  HEADERS_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  SHUTDOWN_GRACE_MS,
} from './policy.ts';

export interface ServeOptions {
  host: string;
  port: number;
  logger: Logger;
}

/**
 * A Node HTTP server with the slow-client limits of policy.ts. Every framework
 * variant runs on one of these, so the limits cannot differ between them.
 */
export function createHttpServer(listener?: RequestListener): Server {
  const server = createServer(listener);
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.setTimeout(CONNECTION_TIMEOUT_MS);
  return server;
}

/**
 * For a server that is already listening: logs the bound address (a JSON line, so
 * a test that asked for port 0 can read the real one) and on SIGTERM/SIGINT runs
 * `stop`, exiting 0 once it is done, or 1 after SHUTDOWN_GRACE_MS.
 */
export function announceAndStopOnSignal(server: Server, logger: Logger, stop: () => Promise<void>): void {
  const address = server.address() as AddressInfo;
  logger.info('server.listening', { host: address.address, port: address.port });

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info('server.stopping', { signal });
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('server.stop_failed', { error });
        process.exit(1);
      },
    );
    // Keep-alive connections with no request in flight would hold close() open.
    server.closeIdleConnections();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

/** Listens on `host:port` with any framework that yields a Node request listener. */
export async function serve(listener: RequestListener, { host, port, logger }: ServeOptions): Promise<Server> {
  const server = createHttpServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  announceAndStopOnSignal(server, logger, () => new Promise<void>((resolve) => server.close(() => resolve())));
  return server;
}
