import { defineLayer } from './define-layer.ts';
import { SECRET_SCAN_PACKAGES } from './node.ts';
import { pinned, VERSIONS } from './versions.ts';

/**
 * secretlint at the version deno.json imports (a bare `npm:secretlint` would add an
 * entry to deno.lock on its first run); it reads the tree, its config and the environment.
 */
export const DENO_SECRETLINT = `deno run --allow-read --allow-env --allow-sys npm:secretlint@${VERSIONS.secretlint}`;

/**
 * TypeScript on Deno: deno.json maps every import to an exact `npm:` version (the
 * generator writes it from the layers' pins) and its tasks run the app with least
 * privilege: the network only to the provider's host and the listen address, only
 * the schema's variables, no file reads (Deno reads `--env-file` itself), and
 * `--no-prompt` so that a missing permission fails even in a terminal instead of
 * asking to be granted.
 */
export const denoLayer = defineLayer({
  id: 'runtime/deno',
  devDependencies: pinned(...SECRET_SCAN_PACKAGES),
  scripts: ({ entry, allowNet, allowEnv }) => {
    const app = `--no-prompt --allow-net=${allowNet} --allow-env=${allowEnv} --env-file=.env`;
    return {
      start: `deno run ${app} ${entry}`,
      dev: `deno run --watch ${app} ${entry}`,
      // Tests start the app as a child with the tasks' own flags (test/support/run.ts),
      // so they need more than the app: loopback, files, subprocesses.
      test: 'deno test --allow-net=127.0.0.1 --allow-env --allow-read --allow-write --allow-run',
      typecheck: 'deno check src/ test/',
      'scan:secrets': `${DENO_SECRETLINT} --secretlintignore .gitignore "**/*"`,
      check: 'deno task typecheck && deno task test && deno task scan:secrets',
    };
  },
});
