import { existsSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Framework, PackageManager } from '../options/catalog.ts';
import type { ImportStyle } from '../plan/add/import-style.ts';
import { usageError } from '../errors.ts';

/** What an existing Node project looks like, as far as adding our module is concerned. */
export interface ExistingProject {
  /** package.json exactly as read: the merge edits this text, never a re-serialization. */
  packageJsonText: string;
  /** `name` from package.json, when it has one. */
  name: string | undefined;
  /** The server framework its dependencies show (`none` when there is none we know). */
  framework: Framework;
  typescript: boolean;
  moduleType: 'module' | 'commonjs';
  /** Where its code lives: `src` when it has a src/ folder, else the project root (`.`). */
  sourceDir: string;
  /** Next.js App Router folder (`src/app` or `app`), when there is one. */
  appDir: string | undefined;
  /** From its lockfile or the packageManager field; undefined when it has neither. */
  packageManager: PackageManager | undefined;
  /** Which file told us the package manager, for the report. */
  packageManagerSource: string | undefined;
  importStyle: ImportStyle;
}

interface Manifest {
  name?: unknown;
  type?: unknown;
  packageManager?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

// First match wins: a Next.js app may also list express for a custom server.
const FRAMEWORK_PACKAGES: readonly [string, Framework][] = [
  ['next', 'nextjs'],
  ['fastify', 'fastify'],
  ['hono', 'hono'],
  ['express', 'express'],
];

const LOCKFILES: readonly [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** Files every project this tool creates has, and an addition never writes at these paths. */
const GENERATED_MARKERS = ['src/ai/client.ts', 'src/config/env.ts', 'src/log/redact.ts'];

const isDirectory = async (absolute: string) => (await lstat(absolute).catch(() => undefined))?.isDirectory() ?? false;

function packageManagerOf(root: string, manifest: Manifest): { packageManager?: PackageManager; source?: string } {
  for (const [file, packageManager] of LOCKFILES) if (existsSync(path.join(root, file))) return { packageManager, source: file };
  const declared = typeof manifest.packageManager === 'string' ? manifest.packageManager.split('@')[0] : undefined;
  const known = LOCKFILES.find(([, packageManager]) => packageManager === declared)?.[1];
  return known ? { packageManager: known, source: 'packageManager in package.json' } : {};
}

/**
 * tsconfig.json is JSON with comments; we only need one switch from it, so a
 * pattern over the text avoids parsing JSONC (and never evaluates `extends`).
 */
async function allowsTsExtensions(root: string): Promise<boolean> {
  const text = await readFile(path.join(root, 'tsconfig.json'), 'utf8').catch(() => '');
  return /"allowImportingTsExtensions"\s*:\s*true/.test(text);
}

/**
 * Reads an existing project at `root`, or returns undefined when there is none (no
 * package.json). Read-only: nothing is written, nothing is executed.
 */
export async function detectExistingProject(root: string): Promise<ExistingProject | undefined> {
  const packageJsonPath = path.join(root, 'package.json');
  const stats = await lstat(packageJsonPath).catch(() => undefined);
  if (!stats) {
    if (existsSync(path.join(root, 'pyproject.toml'))) {
      throw usageError('this folder holds a Python project (pyproject.toml); adding to Python projects needs the Python runtime, which this version does not have yet');
    }
    return undefined;
  }
  // Not a file: a new project's preflight reports it as a blocker. A project this tool
  // created is run again as a creation (every file identical), not added to.
  if (!stats.isFile() || GENERATED_MARKERS.every((file) => existsSync(path.join(root, file)))) return undefined;
  const packageJsonText = await readFile(packageJsonPath, 'utf8');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(packageJsonText) as Manifest;
  } catch (error) {
    throw usageError(`package.json in the target is not valid JSON (${(error as Error).message}); fix it, then run again`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw usageError('package.json in the target is not a JSON object');

  const dependencies = { ...manifest.devDependencies, ...manifest.dependencies };
  const framework = FRAMEWORK_PACKAGES.find(([name]) => name in dependencies)?.[1] ?? 'none';
  // tsconfig.json, not the typescript dependency: an addition to a JavaScript project adds
  // that dependency itself, and a second run must see the same project as the first.
  const typescript = existsSync(path.join(root, 'tsconfig.json'));
  const sourceDir = (await isDirectory(path.join(root, 'src'))) ? 'src' : '.';
  const appDir = framework !== 'nextjs' ? undefined : (await isDirectory(path.join(root, 'src', 'app'))) ? 'src/app' : 'app';
  const { packageManager, source } = packageManagerOf(root, manifest);
  const importStyle: ImportStyle = (await allowsTsExtensions(root)) ? 'ts' : framework === 'nextjs' ? 'none' : typescript ? 'js' : 'ts';
  return {
    packageJsonText,
    name: typeof manifest.name === 'string' ? manifest.name : undefined,
    framework,
    typescript,
    moduleType: manifest.type === 'module' ? 'module' : 'commonjs',
    sourceDir,
    appDir,
    packageManager,
    packageManagerSource: source,
    importStyle,
  };
}
