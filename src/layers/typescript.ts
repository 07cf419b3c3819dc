import { defineLayer } from './define-layer.ts';
import { pinned } from './versions.ts';

/**
 * What Node, Bun and Deno projects share: the TypeScript AI module, env config, logger,
 * their tests on node:test (each runtime's own test runner runs them) and the secret
 * scan's config. Only what a runtime does differently lives in its own layer.
 */
export const typescriptLayer = defineLayer({
  id: 'runtime/typescript',
  gitignore: [
    { title: 'Dependencies and builds', patterns: ['node_modules/', 'dist/', 'coverage/', '*.tsbuildinfo', 'npm-debug.log*', 'yarn-error.log*', '.pnpm-debug.log*'] },
  ],
  dependencies: pinned('zod'),
  // The project's own settings, and tests that read files at the project root.
  projectOnly: ['.secretlintrc.json', 'test/env-example.test.ts', 'test/gitignore.test.ts', 'test/support/load-config.ts'],
});
