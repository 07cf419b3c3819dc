import { defineLayer } from './define-layer.ts';
import { pinned } from './versions.ts';

/** Hono on @hono/node-server, with its secure headers, body limit and CORS middleware. */
export const honoLayer = defineLayer({
  id: 'framework/hono',
  requires: ['server'],
  entry: 'src/server.ts',
  dependencies: pinned('hono', '@hono/node-server'),
});
