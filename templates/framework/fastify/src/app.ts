import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastify, { type FastifyInstance } from 'fastify';
import type { Ai } from './ai/types.ts';
import type { Config } from './config/env.ts';
import { handleChat } from './http/chat.ts';
import { errorResponse } from './http/error-response.ts';
import { errorHandler, sendError } from './http/fastify-errors.ts';
import { CSP_DIRECTIVES, HSTS_MAX_AGE_SECONDS, JSON_BODY_LIMIT_BYTES } from './http/policy.ts';
import { rateLimitOptions } from './http/fastify-rate-limit.ts';
import { newRequestId, REQUEST_ID_HEADER } from './http/request-id.ts';
import { createHttpServer } from './http/serve.ts';
import type { Logger } from './log/logger.ts';

export interface AppDeps {
  config: Config;
  ai: Ai;
  logger: Logger;
}

export function buildApp({ config, ai, logger }: AppDeps): FastifyInstance {
  const app = fastify({
    // Errors go to our redacting logger; Fastify's own would log URLs and headers.
    logger: false,
    // The server every variant runs on, with the timeouts of policy.ts. (Fastify's
    // own requestTimeout and connectionTimeout default to none.)
    serverFactory: (handler) => createHttpServer(handler),
    // Refused while reading, before parsing: 413 and no AI call.
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // Off: behind a reverse proxy, set it to that proxy's address or hop count, or
    // every client shares the proxy's IP and its rate limit.
    trustProxy: false,
    // An incoming X-Request-Id is attacker-controlled: always make a fresh one.
    requestIdHeader: false,
    genReqId: () => newRequestId(),
    // Malformed URLs never reach the error handler; without this Fastify echoes the path.
    frameworkErrors: (_error, request, reply) => {
      sendError(reply, errorResponse('bad_request', request.id));
    },
  });

  // A JSON API: text/plain bodies (which browsers send cross-origin without a
  // preflight) are refused with 415 instead of parsed.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    strictTransportSecurity: { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true },
  });
  // Only listed origins get Access-Control-Allow-Origin; an empty list means none do.
  app.register(cors, {
    origin: [...config.CORS_ORIGINS],
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type'],
    exposedHeaders: [REQUEST_ID_HEADER, 'Retry-After'],
    // A preflight without Origin gets a plain 204 rather than a text/plain 400.
    strictPreflight: false,
  });

  app.get('/health', async () => ({ status: 'ok' }));

  app.register(
    async (api) => {
      // In this scope only, so /health is never limited. It runs on onRequest,
      // before the body is read: refused requests cost neither parsing nor AI calls.
      // Keyed by request.ip (the socket's address while trustProxy is off), IPv6 by /64.
      await api.register(rateLimit, rateLimitOptions(config.RATE_LIMIT_PER_MINUTE));

      api.post('/chat', async (request, reply) => {
        // Stop paying for an answer nobody will read. (Not request.signal: Fastify
        // aborts that one as soon as the body has been read.)
        const controller = new AbortController();
        reply.raw.on('close', () => {
          if (!reply.raw.writableFinished) controller.abort();
        });
        const result = await handleChat(ai, request.body, request.id, controller.signal);
        reply.header('Cache-Control', 'no-store');
        return result;
      });
    },
    { prefix: '/api' },
  );

  app.setNotFoundHandler((request, reply) => {
    sendError(reply, errorResponse('not_found', request.id));
  });
  app.setErrorHandler(errorHandler(logger));
  return app;
}
