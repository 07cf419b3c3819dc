import { AsyncLocalStorage } from 'node:async_hooks';
import type { Server } from 'bun';
import type { Ai } from '../ai/types.ts';
import type { Logger } from '../log/logger.ts';
import { standaloneErrorResponse } from './error-response.ts';
import { JSON_BODY_LIMIT_BYTES, KEEP_ALIVE_TIMEOUT_MS, REQUEST_TIMEOUT_MS, SHUTDOWN_GRACE_MS } from './policy.ts';

/** What Bun.serve runs: Hono's app.fetch is one (the server is its second argument). */
export type FetchHandler = (request: Request, server: Server<undefined>) => Response | Promise<Response>;

/**
 * Bun refuses bodies above this itself, with a bare 413, before any of our code runs;
 * below it, the app's own limit (JSON_BODY_LIMIT_BYTES) answers with our error body.
 */
export const BUN_BODY_LIMIT_BYTES = 2 * JSON_BODY_LIMIT_BYTES;

// Bun's timers are whole seconds, at most 255.
const seconds = (ms: number) => Math.min(255, Math.max(1, Math.ceil(ms / 1000)));

// Set while a request is being handled: lifts its timer once it waits on the AI.
const waitingOnAi = new AsyncLocalStorage<() => void>();

/**
 * The AI module for an app that `listen` serves: each call first lifts the request's
 * timer, which Bun would otherwise let cut a handler still waiting on a slow provider.
 * The AI limits (AI_TIMEOUT_MS per attempt, AI_MAX_RETRIES) end the call instead, and
 * a client that hangs up cancels it.
 */
export function servedAi(ai: Ai): Ai {
  return {
    complete(request) {
      waitingOnAi.getStore()?.();
      return ai.complete(request);
    },
  };
}

export interface ServeOptions {
  host: string;
  port: number;
  logger: Logger;
  /** Time for a request to be read in full, from its head (tests shorten it). */
  requestTimeoutMs?: number;
  /** Time an idle keep-alive connection stays open (tests shorten it). */
  keepAliveTimeoutMs?: number;
}

/** The timers of ServeOptions that tests may shorten. */
export type ServerLimits = Pick<ServeOptions, 'requestTimeoutMs' | 'keepAliveTimeoutMs'>;

/**
 * Bun.serve with the slow-client limits of policy.ts, as far as Bun has them. Bun keeps
 * one timer per connection (whole seconds, checked every 4 s, so a limit holds to
 * within 4 s), which body bytes do not restart and which also cuts a handler that has
 * not answered yet, so each request moves it through phases:
 * - head: Bun closes a connection whose request head is not complete about 10 s after
 *   it opened, however slowly it trickles in (HEADERS_TIMEOUT_MS; Bun's own, fixed);
 * - body: from the head on, the request must be read within REQUEST_TIMEOUT_MS;
 * - AI call: no timer (see servedAi), so a slow provider is never cut short;
 * - after the reply: an idle keep-alive connection is closed after KEEP_ALIVE_TIMEOUT_MS.
 */
export function listen(handler: FetchHandler, options: ServeOptions): Server<undefined> {
  const { host, port, logger, requestTimeoutMs = REQUEST_TIMEOUT_MS, keepAliveTimeoutMs = KEEP_ALIVE_TIMEOUT_MS } = options;
  const requestSeconds = seconds(requestTimeoutMs);
  const keepAliveSeconds = seconds(keepAliveTimeoutMs);
  return Bun.serve({
    hostname: host,
    port,
    // Never Bun's development error page, which shows source code and stack traces.
    development: false,
    // Said outright: with development off, Bun 1.4.5 otherwise binds with SO_REUSEPORT,
    // letting a second process on the same port take a share of the connections.
    reusePort: false,
    // The timer of a connection until fetch below sets its own, and after what Bun answers itself (a 413).
    idleTimeout: keepAliveSeconds,
    maxRequestBodySize: BUN_BODY_LIMIT_BYTES,
    async fetch(request, server) {
      server.timeout(request, requestSeconds);
      try {
        return await waitingOnAi.run(
          () => server.timeout(request, 0),
          () => handler(request, server),
        );
      } finally {
        // The last timer set stays on the connection: from the reply on, it is the keep-alive's.
        server.timeout(request, keepAliveSeconds);
      }
    },
    // Only for what the app did not catch: our error body, the details in the (redacted) log.
    error(error) {
      logger.error('server.error', { error });
      return standaloneErrorResponse('internal_error');
    },
  });
}

/**
 * Listens on `host:port`, logs the bound address (a JSON line, so a test that asked for
 * port 0 can read the real one) and on SIGTERM/SIGINT stops taking requests, exiting 0
 * once those in flight are answered, or 1 after SHUTDOWN_GRACE_MS.
 */
export function serve(handler: FetchHandler, options: ServeOptions): Server<undefined> {
  const { logger } = options;
  const server = listen(handler, options);
  logger.info('server.listening', { host: server.hostname, port: server.port });

  const shutdown = (signal: NodeJS.Signals) => {
    logger.info('server.stopping', { signal });
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    // Closes idle keep-alive connections at once, the others after their reply.
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('server.stop_failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return server;
}
