import type { PackageManager } from '../options/catalog.ts';

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
