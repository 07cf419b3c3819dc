// Bundles the CLI with zero runtime dependencies, like create-vite. Start-up cost is
// what a user feels on every `npm create`, so:
// - code splitting: what only some runs need (the prompts, execa for installs and git,
//   the add mode's parsers) is imported with import() and lands in chunks of its own,
//   loaded only when used; a `--yes` run never parses the prompt library;
// - minified: less to read and parse.
import { build } from 'esbuild';
import { readFile, rm, chmod } from 'node:fs/promises';

const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.12',
  minify: true,
  legalComments: 'none',
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  define: { __VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});
// The entry is the package's bin: it needs the shebang (chunks must not repeat it first).
const entry = 'dist/index.mjs';
const { writeFile } = await import('node:fs/promises');
await writeFile(entry, `#!/usr/bin/env node\n${await readFile(entry, 'utf8')}`);
await chmod(entry, 0o755);
