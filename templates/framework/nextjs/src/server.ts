import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { loadConfigOrExit } from './config/startup.ts';
import { errorResponse } from './http/error-response.ts';
import { newRequestId, REQUEST_ID_HEADER } from './http/request-id.ts';
import { serve } from './http/serve.ts';
import { createLogger } from './log/logger.ts';

/**
 * `npm start`: serves the `next build` output on HOST:PORT. A small custom server
 * instead of `next start` so that the config fails fast before anything listens,
 * the slow-client limits and graceful shutdown are the ones every variant shares
 * (src/http/serve.ts), and the rate limit can trust the client address.
 */

// Fail fast: a bad config exits 2 with the variable names, before Next.js loads.
const config = loadConfigOrExit();
const logger = createLogger({ level: config.LOG_LEVEL });

// next's typings call its CommonJS export `exports.default`, but it is module.exports
// itself: load it with require, after NODE_ENV is set (React and Next.js pick their
// production builds when first loaded).
type CreateNextServer = typeof import('next/dist/server/next.js', { with: { 'resolution-mode': 'require' } }).default;
process.env['NODE_ENV'] ??= 'production';
const next = createRequire(import.meta.url)('next') as CreateNextServer;
const app = next({ dev: false, dir: fileURLToPath(new URL('..', import.meta.url)), hostname: config.HOST, port: config.PORT });
const handle = app.getRequestHandler();

/**
 * Route handlers see headers, not sockets. Overwriting X-Forwarded-For with the
 * peer address means a client cannot choose its own rate-limit key (`next start`
 * keeps a client-sent value). Behind a reverse proxy every request then comes
 * from the proxy: rate-limit there, or derive the address from its header here.
 */
function withPeerAddress(req: IncomingMessage): IncomingMessage {
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  return req;
}

try {
  await app.prepare();
  await serve(
    (req, res) => {
      handle(withPeerAddress(req), res).catch((error: unknown) => {
        // Next.js answers its own errors; this is the last resort, with our fixed body.
        const { status, headers, body } = errorResponse('internal_error', newRequestId());
        logger.error('http.unhandled', { requestId: body.requestId, error });
        if (res.headersSent) return void res.destroy();
        res.writeHead(status, { ...headers, 'Content-Type': 'application/json', [REQUEST_ID_HEADER]: body.requestId });
        res.end(JSON.stringify(body));
      });
    },
    { host: config.HOST, port: config.PORT, logger },
  );
} catch (error) {
  logger.error('server.start_failed', { error });
  process.exitCode = 1;
}
