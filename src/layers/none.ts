import { defineLayer } from './define-layer.ts';

/** A command-line script: `start "prompt"` prints the reply. */
export const noneLayer = defineLayer({
  id: 'framework/none',
  entry: 'src/main.ts',
});
