import { defineLayer } from './define-layer.ts';
import { pinned } from './versions.ts';

/** Fastify 5 with @fastify/helmet, @fastify/rate-limit and @fastify/cors. */
export const fastifyLayer = defineLayer({
  id: 'framework/fastify',
  requires: ['server', 'server-node'],
  entry: 'src/server.ts',
  // The project has its own server entry; our app is mounted into it instead.
  projectOnly: ['src/server.ts'],
  dependencies: pinned('fastify', '@fastify/helmet', '@fastify/rate-limit', '@fastify/cors'),
});
