import { defineLayer } from './define-layer.ts';
import { pinned } from './versions.ts';

/** Express 5 with helmet, express-rate-limit and cors, hardened in src/app.ts. */
export const expressLayer = defineLayer({
  id: 'framework/express',
  requires: ['server', 'server-node'],
  entry: 'src/server.ts',
  // The project has its own server entry; our app is mounted into it instead.
  projectOnly: ['src/server.ts'],
  dependencies: pinned('express', 'helmet', 'express-rate-limit', 'cors'),
  devDependencies: pinned('@types/express', '@types/cors'),
});
