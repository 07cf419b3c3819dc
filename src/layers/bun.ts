import { defineLayer } from './define-layer.ts';
import { SECRET_SCAN_PACKAGES } from './node.ts';
import { pinned, VERSIONS } from './versions.ts';

/**
 * TypeScript on Bun: package.json and bun.lock, `bun test` running the shared
 * node:test files. Bun loads `.env` files by itself: bunfig.toml turns that off
 * (`env = false`), `start` and `dev` name the one file the project uses, and the
 * tests' programs run with `--no-env-file`, so `.env.local` and friends are never read
 * behind the user's back and a real key in `.env` never reaches a test
 * (test/env-files.test.ts proves each).
 */
export const bunLayer = defineLayer({
  id: 'runtime/bun',
  engines: { bun: VERSIONS.bun },
  projectOnly: ['bunfig.toml', 'tsconfig.json', 'test/manifest.test.ts', 'test/env-files.test.ts', 'test/support/run.ts'],
  devDependencies: pinned('typescript', '@types/bun', ...SECRET_SCAN_PACKAGES),
  scripts: ({ run, entry }) => ({
    start: `bun --env-file=.env ${entry}`,
    dev: `bun --watch --env-file=.env ${entry}`,
    test: 'bun test --timeout 30000 ./test',
    typecheck: 'tsc --noEmit',
    'scan:secrets': 'secretlint --secretlintignore .gitignore "**/*"',
    check: `${run} typecheck && ${run} test && ${run} scan:secrets`,
  }),
});
