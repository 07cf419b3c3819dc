import { defineLayer } from './define-layer.ts';
import { pinned } from './versions.ts';

export const noneLayer = defineLayer({
  id: 'framework/none',
  entry: 'src/main.ts',
});

export const expressLayer = defineLayer({
  id: 'framework/express',
  requires: ['server'],
  entry: 'src/server.ts',
  dependencies: pinned('express', 'helmet', 'express-rate-limit', 'cors'),
  devDependencies: pinned('@types/express', '@types/cors'),
});
