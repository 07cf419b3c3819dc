import type { Hono } from 'hono';
import { createApp, type AppDeps } from './app.ts';
import { clientAddress } from './http/client-address.ts';
import type { HonoEnv } from './http/hono-env.ts';
import { servedAi } from './http/serve.ts';

/**
 * The shared app as Bun.serve runs it, in src/server.ts and in the tests alike: the
 * client address from Bun's server, and the AI module lifting the request's timer
 * while it waits on the provider (see servedAi in http/serve.ts).
 */
export function createBunApp(deps: Omit<AppDeps, 'clientAddress'>): Hono<HonoEnv> {
  return createApp({ ...deps, ai: servedAi(deps.ai), clientAddress });
}
