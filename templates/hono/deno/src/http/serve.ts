import type { Logger } from '../log/logger.ts';
import { standaloneErrorResponse } from './error-response.ts';
import { REQUEST_TIMEOUT_MS, SHUTDOWN_GRACE_MS } from './policy.ts';

/** What Deno.serve calls: the request and its connection info (the peer's address). */
export type Handler = (request: Request, info: Deno.ServeHandlerInfo<Deno.NetAddr>) => Response | Promise<Response>;

export interface ServeOptions {
  host: string;
  port: number;
  logger: Logger;
  /** Time for a request body to arrive in full, from its head (tests shorten it). */
  requestTimeoutMs?: number;
}

// `duplex` is required with a streamed body, and missing from the DOM's RequestInit.
type StreamingInit = RequestInit & { duplex: 'half' };

/**
 * Deno.serve has no slow-client limits of its own: a request head or body sent a byte
 * a second, or an idle connection, is kept open for minutes. The body at least can be
 * bounded here: if it has not fully arrived `ms` after the head, the client gets a 408
 * and the app never sees the rest of the body, so it calls no provider. Deno keeps the
 * connection itself open until the client closes it; a slow head never reaches this
 * code. Both need a proxy in front (README).
 */
export function withBodyDeadline(handler: Handler, ms: number, logger: Logger): Handler {
  return async (request, info) => {
    if (request.body === null) return handler(request, info);
    const source = request.body.getReader();
    const deadline = Promise.withResolvers<Response>();
    let expired = false;
    const timer = setTimeout(() => {
      expired = true;
      source.cancel().catch(() => undefined);
      logger.warn('server.request_timeout', { method: request.method, path: new URL(request.url).pathname });
      deadline.resolve(standaloneErrorResponse('request_timeout', { connection: 'close' }));
    }, ms);
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await source.read();
        // Too late: the app's read never completes. It logs nothing, calls nothing and,
        // with nothing left referring to it, is garbage collected.
        if (expired) return new Promise<void>(() => undefined);
        if (!done) return controller.enqueue(value);
        clearTimeout(timer);
        controller.close();
      },
      cancel(reason) {
        clearTimeout(timer);
        return source.cancel(reason);
      },
    });
    const init: StreamingInit = { body, duplex: 'half' };
    try {
      return await Promise.race([handler(new Request(request, init), info), deadline.promise]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Deno.serve on `host:port`; it binds at once, so a taken port or a missing --allow-net throws here. */
export function listen(handler: Handler, { host, port, logger, requestTimeoutMs = REQUEST_TIMEOUT_MS }: ServeOptions): Deno.HttpServer<Deno.NetAddr> {
  const options = {
    hostname: host,
    port,
    // Deno's defaults print a plain-text line to stdout, and errors unredacted to stderr.
    onListen: () => undefined,
    onError: (error: unknown) => {
      logger.error('server.error', { error });
      return standaloneErrorResponse('internal_error');
    },
  };
  return Deno.serve(options, withBodyDeadline(handler, requestTimeoutMs, logger));
}

/**
 * Logs the bound address (a JSON line, so a test that asked for port 0 can read the
 * real one) and on SIGTERM/SIGINT lets requests in flight finish, exiting 0 once they
 * have, or 1 after SHUTDOWN_GRACE_MS.
 */
export function announceAndStopOnSignal(server: Deno.HttpServer<Deno.NetAddr>, logger: Logger): void {
  logger.info('server.listening', { host: server.addr.hostname, port: server.addr.port });
  let stopping = false;
  const shutdown = (signal: Deno.Signal) => {
    // A second signal does not wait, as in Node, where the first one removed the handler.
    if (stopping) Deno.exit(1);
    stopping = true;
    logger.info('server.stopping', { signal });
    Deno.unrefTimer(setTimeout(() => Deno.exit(1), SHUTDOWN_GRACE_MS));
    server.shutdown().then(
      () => Deno.exit(0),
      (error: unknown) => {
        logger.error('server.stop_failed', { error });
        Deno.exit(1);
      },
    );
  };
  // Windows delivers SIGINT (Ctrl+C) and SIGBREAK only; listening for SIGTERM there throws.
  const signals: Deno.Signal[] = Deno.build.os === 'windows' ? ['SIGINT'] : ['SIGTERM', 'SIGINT'];
  for (const signal of signals) Deno.addSignalListener(signal, () => shutdown(signal));
}

/** Runs `handler` (the Hono app's fetch) on Deno.serve with the limits above. */
export function serve(handler: Handler, options: ServeOptions): Deno.HttpServer<Deno.NetAddr> {
  const server = listen(handler, options);
  announceAndStopOnSignal(server, options.logger);
  return server;
}
