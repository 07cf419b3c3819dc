import type { NodePackageManager as PackageManager, PackageManager as AnyPackageManager } from '../options/catalog.ts';

/** Narrows to the Node package managers; pip (Python) never reaches Node-only code. */
export function nodePackageManager(packageManager: AnyPackageManager): PackageManager {
  if (packageManager === 'pip') throw new Error('pip installs Python projects; this code path is for Node.js projects only');
  return packageManager;
}

/** `npm run`, `pnpm run`, ...: the form every supported manager accepts. */
export const runPrefix = (packageManager: PackageManager): string => `${packageManager} run`;

export const runScript = (packageManager: PackageManager, script: string): string =>
  `${runPrefix(packageManager)} ${script}`;

/** Passing arguments through to a script: npm needs `--`, the others do not. */
export const runScriptWithArgs = (packageManager: PackageManager, script: string, args: string): string =>
  packageManager === 'npm' ? `npm run ${script} -- ${args}` : `${packageManager} run ${script} ${args}`;

export const installArgs = (_packageManager: PackageManager): readonly string[] => ['install'];

export const installCommand = (packageManager: PackageManager): string =>
  [packageManager, ...installArgs(packageManager)].join(' ');

/** Install exactly what the lockfile says, failing if it is out of date (CI). */
export const frozenInstallCommand = (packageManager: PackageManager): string =>
  ({ npm: 'npm ci', pnpm: 'pnpm install --frozen-lockfile', yarn: 'yarn install --immutable', bun: 'bun install --frozen-lockfile' })[packageManager];

/** Fails on advisories of high severity or worse. */
export const auditCommand = (packageManager: PackageManager): string =>
  ({ npm: 'npm audit --audit-level=high', pnpm: 'pnpm audit --audit-level high', yarn: 'yarn npm audit --severity high', bun: 'bun audit --audit-level=high' })[packageManager];

/** Runs a binary installed in the project, never downloading one on the fly. */
export const localBinCommand = (packageManager: PackageManager, bin: string): string =>
  ({ npm: `npx --no-install ${bin}`, pnpm: `pnpm exec ${bin}`, yarn: `yarn run ${bin}`, bun: `bun run ${bin}` })[packageManager];
