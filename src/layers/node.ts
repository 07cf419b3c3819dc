import { defineLayer } from './define-layer.ts';
import { pinned, VERSIONS } from './versions.ts';

/** The secret scan every package.json project runs (Node, Bun). */
export const SECRET_SCAN_PACKAGES = ['secretlint', '@secretlint/secretlint-rule-preset-recommend', '@secretlint/secretlint-rule-no-dotenv'] as const;

/** TypeScript on Node >= 22.18, run without a build step; tests on node:test. */
export const nodeLayer = defineLayer({
  id: 'runtime/node',
  engines: { node: VERSIONS.node },
  // The project's own settings, and the tests that read them or start programs.
  projectOnly: ['_npmrc', 'tsconfig.json', 'test/manifest.test.ts', 'test/support/run.ts'],
  projectOnlyDevDependencies: [...SECRET_SCAN_PACKAGES],
  devDependencies: pinned('typescript', '@types/node', ...SECRET_SCAN_PACKAGES),
  scripts: ({ run, entry }) => ({
    start: `node --env-file-if-exists=.env ${entry}`,
    dev: `node --watch --env-file-if-exists=.env ${entry}`,
    test: 'node --test --test-concurrency=1 "test/**/*.test.ts"',
    typecheck: 'tsc --noEmit',
    'scan:secrets': 'secretlint --secretlintignore .gitignore "**/*"',
    check: `${run} typecheck && ${run} test && ${run} scan:secrets`,
  }),
});
