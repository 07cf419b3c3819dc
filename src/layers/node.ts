import { defineLayer } from './define-layer.ts';
import { pinned } from './versions.ts';

/** TypeScript on Node >= 22.18, run without a build step; tests on node:test. */
export const nodeLayer = defineLayer({
  id: 'runtime/node',
  gitignore: [
    { title: 'Node.js', patterns: ['node_modules/', 'dist/', 'coverage/', '*.tsbuildinfo', 'npm-debug.log*', 'yarn-error.log*', '.pnpm-debug.log*'] },
  ],
  dependencies: pinned('zod'),
  // The project's own settings, and tests that read files at the project root.
  projectOnly: ['_npmrc', '.secretlintrc.json', 'tsconfig.json', 'test/manifest.test.ts', 'test/env-example.test.ts', 'test/gitignore.test.ts', 'test/support/run.ts'],
  projectOnlyDevDependencies: ['secretlint', '@secretlint/secretlint-rule-preset-recommend', '@secretlint/secretlint-rule-no-dotenv'],
  devDependencies: pinned(
    'typescript',
    '@types/node',
    'secretlint',
    '@secretlint/secretlint-rule-preset-recommend',
    '@secretlint/secretlint-rule-no-dotenv',
  ),
  scripts: ({ run, entry }) => ({
    start: `node --env-file-if-exists=.env ${entry}`,
    dev: `node --watch --env-file-if-exists=.env ${entry}`,
    test: 'node --test --test-concurrency=1 "test/**/*.test.ts"',
    typecheck: 'tsc --noEmit',
    'scan:secrets': 'secretlint --secretlintignore .gitignore "**/*"',
    check: `${run} typecheck && ${run} test && ${run} scan:secrets`,
  }),
});
