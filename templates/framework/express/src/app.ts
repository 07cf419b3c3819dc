import cors from 'cors';
import express, { type Express } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Ai } from './ai/types.ts';
import type { Config } from './config/env.ts';
import { handleChat } from './http/chat.ts';
import { errorResponse } from './http/error-response.ts';
import { errorHandler, notFound, requestIdOf, sendError } from './http/express-errors.ts';
import { CSP_DIRECTIVES, HSTS_MAX_AGE_SECONDS, JSON_BODY_LIMIT_BYTES, RATE_LIMIT_WINDOW_MS } from './http/policy.ts';
import { newRequestId, REQUEST_ID_HEADER } from './http/request-id.ts';
import type { Logger } from './log/logger.ts';

export interface AppDeps {
  config: Config;
  ai: Ai;
  logger: Logger;
}

export function createApp({ config, ai, logger }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Off by default: behind a reverse proxy, set it to that proxy's hop count or
  // address, or every client shares the proxy's IP and its rate limit.
  app.set('trust proxy', false);

  app.use((_req, res, next) => {
    res.locals['requestId'] = newRequestId();
    res.setHeader(REQUEST_ID_HEADER, requestIdOf(res));
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
      strictTransportSecurity: { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true },
    }),
  );
  // Only listed origins get Access-Control-Allow-Origin; an empty list means none do.
  app.use(
    cors({
      origin: [...config.CORS_ORIGINS],
      methods: ['GET', 'POST'],
      allowedHeaders: ['Content-Type'],
      exposedHeaders: [REQUEST_ID_HEADER, 'Retry-After'],
    }),
  );

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Limit before parsing, so refused requests cost neither parsing nor AI calls.
  app.use(
    '/api',
    rateLimit({
      windowMs: RATE_LIMIT_WINDOW_MS,
      limit: config.RATE_LIMIT_PER_MINUTE,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => {
        const retryAfter = Number(res.getHeader('Retry-After')) || undefined;
        sendError(res, errorResponse('rate_limited', requestIdOf(res), retryAfter));
      },
      logger: {
        warn: (error, message) => logger.warn(message ?? 'rate_limit.warning', { error }),
        error: (error, message) => logger.error(message ?? 'rate_limit.error', { error }),
      },
    }),
    express.json({ limit: JSON_BODY_LIMIT_BYTES }),
  );

  app.post('/api/chat', async (req, res) => {
    // Stop paying for an answer nobody will read.
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const result = await handleChat(ai, req.body, requestIdOf(res), controller.signal);
    res.set('Cache-Control', 'no-store').json(result);
  });

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
