import { defineLayer } from './define-layer.ts';

/** A command-line script: `start "prompt"` prints the reply. */
export const noneLayer = defineLayer({
  id: 'framework/none',
  entry: 'src/main.ts',
  // The project's own code calls createSecureAi() (layer add/node) instead of this CLI.
  projectOnly: ['src/main.ts', 'test/main.test.ts'],
});
