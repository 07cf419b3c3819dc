import type { NodePackageManager, PackageManager as AnyPackageManager } from '../options/catalog.ts';

/** What installs and runs the scripts of a JavaScript project: a package.json manager, or Deno. */
export type ScriptRunner = NodePackageManager | 'deno';

/** Narrows to the package.json managers; pip and Deno never reach package.json-only code. */
export function nodePackageManager(packageManager: AnyPackageManager): NodePackageManager {
  if (packageManager === 'pip' || packageManager === 'deno') throw new Error(`${packageManager} projects have no package.json; this code path is for package.json projects only`);
  return packageManager;
}

/** Narrows to the JavaScript runners; pip (Python) never reaches this code. */
export function scriptRunner(packageManager: AnyPackageManager): ScriptRunner {
  if (packageManager === 'pip') throw new Error('pip installs Python projects; this code path is for JavaScript projects only');
  return packageManager;
}

/** `npm run`, `pnpm run`, ..., `deno task`: the form every supported runner accepts. */
export const runPrefix = (runner: ScriptRunner): string => (runner === 'deno' ? 'deno task' : `${runner} run`);

export const runScript = (runner: ScriptRunner, script: string): string => `${runPrefix(runner)} ${script}`;

/** Passing arguments through to a script: npm needs `--`, the others do not. */
export const runScriptWithArgs = (runner: ScriptRunner, script: string, args: string): string =>
  runner === 'npm' ? `npm run ${script} -- ${args}` : `${runScript(runner, script)} ${args}`;

export const installArgs = (_runner: ScriptRunner): readonly string[] => ['install'];

export const installCommand = (runner: ScriptRunner): string => [runner, ...installArgs(runner)].join(' ');

/** Install exactly what the lockfile says, failing if it is out of date (CI). */
export const frozenInstallCommand = (runner: ScriptRunner): string =>
  ({ npm: 'npm ci', pnpm: 'pnpm install --frozen-lockfile', yarn: 'yarn install --immutable', bun: 'bun install --frozen-lockfile', deno: 'deno install --frozen' })[runner];

/** Fails on advisories of high severity or worse. */
export const auditCommand = (runner: ScriptRunner): string =>
  ({ npm: 'npm audit --audit-level=high', pnpm: 'pnpm audit --audit-level high', yarn: 'yarn npm audit --severity high', bun: 'bun audit --audit-level=high', deno: 'deno audit --level=high' })[runner];

/** Runs a binary installed in the project, never downloading one on the fly. */
export const localBinCommand = (packageManager: NodePackageManager, bin: string): string =>
  ({ npm: `npx --no-install ${bin}`, pnpm: `pnpm exec ${bin}`, yarn: `yarn run ${bin}`, bun: `bun run ${bin}` })[packageManager];
