import { defineLayer } from './define-layer.ts';
import { pinned } from './versions.ts';

/**
 * Hono with its secure headers, body limit and CORS middleware: the app (src/app.ts)
 * is the same on every runtime. Each runtime's server around it is a layer of its own.
 */
export const honoLayer = defineLayer({
  id: 'framework/hono',
  requires: ['server'],
  entry: 'src/server.ts',
  dependencies: pinned('hono'),
});

/** Hono on @hono/node-server, on the same hardened Node server as Express and Fastify. */
export const honoNodeLayer = defineLayer({
  id: 'hono/node',
  requires: ['server-node'],
  // The project has its own server entry; our app is mounted into it instead.
  projectOnly: ['src/server.ts'],
  dependencies: pinned('@hono/node-server'),
});

/** Hono on Bun.serve, with the slow-client limits Bun has (src/http/serve.ts); src/bun-app.ts wires the app to it. */
export const honoBunLayer = defineLayer({ id: 'hono/bun' });

/** Hono on Deno.serve. */
export const honoDenoLayer = defineLayer({ id: 'hono/deno' });
