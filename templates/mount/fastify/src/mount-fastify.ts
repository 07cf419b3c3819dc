import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { AppDeps } from './app.ts';
import { handleChat } from './http/chat.ts';
import { errorResponse } from './http/error-response.ts';
import { errorHandler, sendError } from './http/fastify-errors.ts';
import { CSP_DIRECTIVES, HSTS_MAX_AGE_SECONDS, JSON_BODY_LIMIT_BYTES } from './http/policy.ts';
import { rateLimitOptions } from './http/fastify-rate-limit.ts';
import { newRequestId, REQUEST_ID_HEADER } from './http/request-id.ts';
import { checkPrefix, DEFAULT_PREFIX, type MountOptions } from './mount-prefix.ts';

export type { AppDeps } from './app.ts';
export { checkPrefix, DEFAULT_PREFIX, type MountOptions } from './mount-prefix.ts';

/**
 * The endpoints of src/app.ts as a plain, encapsulated Fastify plugin (no
 * fastify-plugin wrapper): its hooks, parsers, error and 404 handlers apply to
 * its own routes only, so nothing reaches the host app's other routes. Register
 * it with a prefix, or use mountSecureAi below, which checks the prefix.
 *
 *   await app.register(secureAiPlugin, { prefix: '/ai', config, ai, logger });
 */
export const secureAiPlugin: FastifyPluginAsync<AppDeps> = async (scope, { config, ai, logger }) => {
  // request.id comes from the host's genReqId (by default a counter, and it may
  // trust an incoming header): our routes get a fresh id of their own, used in
  // the header, the bodies and the log alike.
  const requestIds = new WeakMap<FastifyRequest, string>();
  const requestIdOf = (request: FastifyRequest): string => {
    let id = requestIds.get(request);
    if (id === undefined) {
      id = newRequestId();
      requestIds.set(request, id);
    }
    return id;
  };
  // The shared error handler reads request.id: hand it a view with ours.
  const withOurId = (request: FastifyRequest): FastifyRequest =>
    Object.create(request, { id: { value: requestIdOf(request), enumerable: true } }) as FastifyRequest;

  // First: a child scope keeps the error handler its parent had when it was made.
  const handleError = errorHandler(logger);
  scope.setErrorHandler((error, request, reply) => {
    handleError(error, withOurId(request), reply);
  });

  // Only JSON, whatever the host app parses (forms, text/plain, multipart: bodies
  // browsers send cross-origin without a preflight). Anything else is a 415.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, scope.getDefaultJsonParser('error', 'error'));

  scope.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, requestIdOf(request));
  });
  await scope.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    strictTransportSecurity: { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true },
  });
  // @fastify/cors cannot be registered twice on one path (its request decorator
  // clashes), and the host's, with its own origins, would answer our preflights.
  if (scope.hasRequestDecorator('corsPreflightEnabled')) {
    throw new Error('mountSecureAi must be registered before an app-wide @fastify/cors, so that ours answers for its prefix');
  }
  // Only listed origins get Access-Control-Allow-Origin; an empty list means none do.
  await scope.register(cors, {
    origin: [...config.CORS_ORIGINS],
    methods: ['GET', 'POST'],
    allowedHeaders: ['Content-Type'],
    exposedHeaders: [REQUEST_ID_HEADER, 'Retry-After'],
    // A preflight without Origin gets a plain 204 rather than a text/plain 400.
    strictPreflight: false,
  });

  // Fastify hands a parent's hooks to its children, even hooks added later, and
  // runs them after ours: an app-wide CORS plugin of the host registered after
  // this one would answer our routes with its own origins. Whatever it said, only
  // our listed origins may read our responses, and never with credentials.
  const allowedOrigins = new Set(config.CORS_ORIGINS);
  scope.addHook('onSend', async (request, reply, payload) => {
    const origin = request.headers.origin;
    if (origin !== undefined && allowedOrigins.has(origin)) reply.header('access-control-allow-origin', origin);
    else reply.removeHeader('access-control-allow-origin');
    reply.removeHeader('access-control-allow-credentials');
    return payload;
  });

  scope.get('/health', async () => ({ status: 'ok' }));

  await scope.register(
    async (api) => {
      // In this scope only, so /health and the host's routes are never limited. It
      // runs on onRequest, before the body is read. Keyed by request.ip, which
      // follows the host's trustProxy (off by default in Fastify).
      await api.register(rateLimit, rateLimitOptions(config.RATE_LIMIT_PER_MINUTE));

      // The route's own limit, whatever the host app's bodyLimit is: refused while
      // reading, before parsing, so 413 and no AI call.
      api.post('/chat', { bodyLimit: JSON_BODY_LIMIT_BYTES }, async (request, reply) => {
        // Stop paying for an answer nobody will read. (Not request.signal: Fastify
        // aborts that one as soon as the body has been read.)
        const controller = new AbortController();
        reply.raw.on('close', () => {
          if (!reply.raw.writableFinished) controller.abort();
        });
        const result = await handleChat(ai, request.body, requestIdOf(request), controller.signal);
        reply.header('Cache-Control', 'no-store');
        return result;
      });
    },
    { prefix: '/api' },
  );

  // For unknown paths under the prefix only; the host's 404 handles the rest.
  scope.setNotFoundHandler((request, reply) => {
    sendError(reply, errorResponse('not_found', requestIdOf(request)));
  });
};

/**
 * Adds our endpoints to a Fastify app you already have, under `prefix` only:
 *
 *   await mountSecureAi(app, { config, ai, logger });  // GET /ai/health, POST /ai/api/chat
 */
export async function mountSecureAi(app: FastifyInstance, deps: AppDeps, options: MountOptions = {}): Promise<void> {
  const prefix = checkPrefix(options.prefix ?? DEFAULT_PREFIX);
  await app.register(secureAiPlugin, { ...deps, prefix });
}
