import { defineLayer, type EnvVariable } from './define-layer.ts';

/** The variables of every server, on every runtime. */
export const serverEnv: readonly EnvVariable[] = [
  { name: 'HOST', group: 'server', default: '127.0.0.1', required: false, secret: false, description: 'Address to listen on. Use 0.0.0.0 only behind a proxy or in a container.' },
  { name: 'PORT', group: 'server', default: '3000', required: false, secret: false, description: 'Port to listen on (0 to 65535).' },
  { name: 'CORS_ORIGINS', group: 'server', default: '', required: false, secret: false, description: 'Comma-separated origins allowed to call the API from a browser, e.g. https://app.example.com. Empty: none.' },
  { name: 'RATE_LIMIT_PER_MINUTE', group: 'server', default: '20', required: false, secret: false, description: 'Requests per client per minute before answering 429 (1 to 10000).' },
];

/** What every server shares, on Node, Bun and Deno: server settings, error bodies, request ids, the contract tests. */
export const serverLayer = defineLayer({
  id: 'server',
  // Both start src/server.ts as a process; an addition has no server entry of its own.
  projectOnly: ['test/server.test.ts', 'test/support/server-process.ts'],
  env: serverEnv,
});

/** Node's HTTP server with the slow-client limits, which Express, Fastify, Next.js and Hono on Node run on. */
export const serverNodeLayer = defineLayer({ id: 'server-node' });
