import type { Express, RequestHandler } from 'express';
import { createApp, type AppDeps } from './app.ts';
import { checkPrefix, DEFAULT_PREFIX, type MountOptions } from './mount-prefix.ts';

export type { AppDeps } from './app.ts';
export { checkPrefix, DEFAULT_PREFIX, type MountOptions } from './mount-prefix.ts';

/**
 * Adds our endpoints to an Express app you already have, under `prefix` only:
 *
 *   mountSecureAi(app, { config, ai, logger });  // GET /ai/health, POST /ai/api/chat
 *
 * Everything of the hardened app (security headers, CORS allowlist, rate limit,
 * JSON body limit, request id, safe error bodies, JSON 404) applies to paths under
 * `prefix` and nowhere else; the host app's routes, before or after this call, are
 * untouched. Call it before any body parser of the host app (`app.use(express.json())`),
 * or that parser reads our bodies with its own limit and errors.
 */
export function mountSecureAi(app: Express, deps: AppDeps, options: MountOptions = {}): void {
  const prefix = checkPrefix(options.prefix ?? DEFAULT_PREFIX);
  const secureAi = createApp(deps);
  // The host app knows its deployment: behind a reverse proxy it sets `trust proxy`,
  // and the rate limit must key by the client it names, not by the proxy. Without
  // our own value, Express makes a mounted app read the host's setting (whose
  // default is off, as ours is).
  delete secureAi.settings['trust proxy'];
  delete secureAi.settings['trust proxy fn'];
  app.use(prefix, warnIfBodyAlreadyRead(deps), secureAi);
}

/** A body parsed before ours escaped our limit and error handler: say so, once. */
function warnIfBodyAlreadyRead({ logger }: AppDeps): RequestHandler {
  let warned = false;
  return (req, _res, next) => {
    if (!warned && req.body !== undefined) {
      warned = true;
      logger.warn('secure_ai.body_parsed_before_mount', {
        hint: 'call mountSecureAi() before app.use(express.json()) or other body parsers',
      });
    }
    next();
  };
}
