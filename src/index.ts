import { run } from './cli/run.ts';

declare const __VERSION__: string | undefined;

const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

run({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdinIsTTY: process.stdin.isTTY === true,
  stdout: process.stdout,
  stderr: process.stderr,
  version,
  nodeVersion: process.version,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`create-secure-ai-app crashed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
