import type { Env, Hono, Schema } from 'hono';
import { createApp, type AppDeps } from './app.ts';
import { clientAddress } from './http/client-address.ts';
import { errorResponse } from './http/error-response.ts';
import { sendError } from './http/hono-errors.ts';
import { checkPrefix, DEFAULT_PREFIX, type MountOptions } from './mount-prefix.ts';

/** What mountSecureAi needs: the client address is @hono/node-server's. */
export type MountDeps = Omit<AppDeps, 'clientAddress'>;
export { checkPrefix, DEFAULT_PREFIX, type MountOptions } from './mount-prefix.ts';

/**
 * Adds our endpoints to a Hono app you already have (served by @hono/node-server),
 * under `prefix` only:
 *
 *   mountSecureAi(app, { config, ai, logger });  // GET /ai/health, POST /ai/api/chat
 *
 * Everything of the hardened app (security headers, CORS allowlist, rate limit,
 * body limit, request id, safe error bodies, JSON 404) applies to paths under
 * `prefix` and nowhere else; the host app's routes, before or after this call,
 * are untouched.
 */
export function mountSecureAi<E extends Env, S extends Schema, B extends string>(
  app: Hono<E, S, B>,
  deps: MountDeps,
  options: MountOptions = {},
): void {
  const prefix = checkPrefix(options.prefix ?? DEFAULT_PREFIX);
  const secureAi = createApp({ ...deps, clientAddress });
  // app.route() copies the routes and keeps our onError around each of them, but
  // not our notFound: the host app's would answer for unknown paths under the
  // prefix. This last route stands in for it (after our middleware, so with our
  // headers), and only under the prefix.
  secureAi.all('*', (c) => sendError(c, errorResponse('not_found', c.get('requestId'))));
  app.route(prefix, secureAi);
}
