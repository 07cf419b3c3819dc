import { defineLayer } from './define-layer.ts';
import { pinned } from './versions.ts';

/** Hono on @hono/node-server, with its secure headers, body limit and CORS middleware. */
export const honoLayer = defineLayer({
  id: 'framework/hono',
  requires: ['server'],
  entry: 'src/server.ts',
  // The project has its own server entry; our app is mounted into it instead.
  projectOnly: ['src/server.ts'],
  dependencies: pinned('hono', '@hono/node-server'),
});
