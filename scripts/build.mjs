// Bundles the CLI into one file with zero runtime dependencies, like create-vite.
import { build } from 'esbuild';
import { readFile, chmod } from 'node:fs/promises';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.12',
  minify: false,
  legalComments: 'none',
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  define: { __VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
await chmod('dist/index.mjs', 0o755);
