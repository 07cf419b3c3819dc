import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { Ai } from './ai/types.ts';
import type { Config } from './config/env.ts';
import { handleChat } from './http/chat.ts';
import { clientKey } from './http/client-key.ts';
import { errorResponse } from './http/error-response.ts';
import type { HonoEnv } from './http/hono-env.ts';
import { errorHandler, sendError } from './http/hono-errors.ts';
import { CSP_DIRECTIVES, HSTS_MAX_AGE_SECONDS, JSON_BODY_LIMIT_BYTES, RATE_LIMIT_WINDOW_MS } from './http/policy.ts';
import { createRateLimiter } from './http/rate-limiter.ts';
import { newRequestId, REQUEST_ID_HEADER } from './http/request-id.ts';
import type { Logger } from './log/logger.ts';

/** The address of the socket a request came in on, as the runtime's server reports it. */
export type ClientAddress = (c: Context<HonoEnv>) => string | undefined;

export interface AppDeps {
  config: Config;
  ai: Ai;
  logger: Logger;
  /** Each runtime's server knows the peer's address in its own way (see http/client-address.ts). */
  clientAddress: ClientAddress;
}

const JSON_CONTENT_TYPE = /^application\/json\s*(?:;|$)/i;

/** The hardened app, the same on every runtime; only the client address comes from outside. */
export function createApp({ config, ai, logger, clientAddress }: AppDeps): Hono<HonoEnv> {
  const app = new Hono<HonoEnv>();
  const limiter = createRateLimiter({ limit: config.RATE_LIMIT_PER_MINUTE, windowMs: RATE_LIMIT_WINDOW_MS });
  const allowedOrigins = new Set(config.CORS_ORIGINS);

  app.use(async (c, next) => {
    c.set('requestId', newRequestId());
    c.header(REQUEST_ID_HEADER, c.get('requestId'));
    await next();
  });
  // Hono sends no Content-Security-Policy unless given one.
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: [...CSP_DIRECTIVES.defaultSrc],
        frameAncestors: [...CSP_DIRECTIVES.frameAncestors],
      },
      strictTransportSecurity: `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    }),
  );
  // A function, because Hono's default origin is `*`: only listed origins get
  // Access-Control-Allow-Origin, and with an empty list none do.
  app.use(
    cors({
      origin: (origin) => (allowedOrigins.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type'],
      exposeHeaders: [REQUEST_ID_HEADER, 'Retry-After'],
    }),
  );

  app.get('/health', (c) => c.json({ status: 'ok' }));

  // Limit before reading the body, so refused requests cost neither parsing nor
  // AI calls. Keyed by the socket's address: X-Forwarded-For is the client's to forge.
  app.use('/api/*', async (c, next) => {
    const decision = limiter.hit(clientKey(clientAddress(c)));
    if (!decision.allowed) {
      return sendError(c, errorResponse('rate_limited', c.get('requestId'), decision.retryAfterSeconds));
    }
    await next();
  });
  // Counts the bytes as they arrive, so a body without Content-Length is capped too.
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: JSON_BODY_LIMIT_BYTES,
      onError: (c) => sendError(c, errorResponse('payload_too_large', c.get('requestId'))),
    }),
  );

  app.post('/api/chat', async (c) => {
    const requestId = c.get('requestId');
    // c.req.json() parses any body; text/plain is what browsers send cross-origin without a preflight.
    if (!JSON_CONTENT_TYPE.test(c.req.header('content-type') ?? '')) {
      return sendError(c, errorResponse('unsupported_media_type', requestId));
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return sendError(c, errorResponse('invalid_json', requestId));
    }
    // Aborted when the client goes away: stop paying for an answer nobody will read.
    const result = await handleChat(ai, body, requestId, c.req.raw.signal);
    c.header('Cache-Control', 'no-store');
    return c.json(result);
  });

  app.notFound((c) => sendError(c, errorResponse('not_found', c.get('requestId'))));
  app.onError(errorHandler(logger));
  return app;
}
