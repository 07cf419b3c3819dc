import { existsSync } from 'node:fs';
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Framework, PackageManager } from '../options/catalog.ts';
import type { ImportStyle } from '../plan/add/import-style.ts';
import { usageError } from '../errors.ts';
import { jsonLayout } from '../plan/merge/json-members.ts';
import { parseJsonText } from '../util/text-format.ts';

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
  /** Where a Next.js route of ours goes: the App Router folder, `app` or `src/app`. */
  appDir: string;
  /** A pages-router file that already serves /api/chat (Next.js), if any. */
  pagesChatRoute?: string;
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

export const LOCKFILES: readonly [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** Files every project this tool creates has, and an addition never writes at these paths. */
const GENERATED_MARKERS = ['src/ai/client.ts', 'src/config/env.ts', 'src/log/redact.ts'];
const GENERATED_PYTHON_MARKERS = ['src/app/ai/client.py', 'src/app/config/settings.py', 'src/app/log/redact.py'];

const isDirectory = async (absolute: string) => (await lstat(absolute).catch(() => undefined))?.isDirectory() ?? false;

/**
 * The package manager from the nearest lockfile, looking upwards as far as the git
 * root (a package of a monorepo has its lockfile at the workspace root), then the
 * packageManager field.
 */
function packageManagerOf(root: string, manifest: Manifest): { packageManager?: PackageManager; source?: string } {
  for (let directory = root; ; directory = path.dirname(directory)) {
    for (const [file, packageManager] of LOCKFILES) {
      if (existsSync(path.join(directory, file))) return { packageManager, source: path.relative(root, path.join(directory, file)).split(path.sep).join('/') };
    }
    if (existsSync(path.join(directory, '.git')) || path.dirname(directory) === directory) break;
  }
  const declared = typeof manifest.packageManager === 'string' ? manifest.packageManager.split('@')[0] : undefined;
  const known = LOCKFILES.find(([, packageManager]) => packageManager === declared)?.[1];
  return known ? { packageManager: known, source: 'packageManager in package.json' } : {};
}

/**
 * Where Next.js finds routes: an existing app/ folder at the root or in src/; else
 * src/app when the project keeps its code in src/ (Next.js ignores src/ as soon as
 * the root has app/ or pages/), else app/.
 */
async function appDirOf(root: string, sourceDir: string): Promise<string> {
  if (await isDirectory(path.join(root, 'app'))) return 'app';
  return sourceDir === 'src' ? 'src/app' : 'app';
}

/** A pages-router file that already answers /api/chat would clash with our route. */
const PAGES_CHAT_ROUTES = ['pages', 'src/pages'].flatMap((pages) => ['ts', 'js', 'tsx', 'jsx', 'mjs'].flatMap((extension) => [`${pages}/api/chat.${extension}`, `${pages}/api/chat/index.${extension}`]));

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
    // A Python project this tool created is generated again (every file identical), not added to.
    const ours = GENERATED_PYTHON_MARKERS.every((file) => existsSync(path.join(root, file)));
    if (existsSync(path.join(root, 'pyproject.toml')) && !ours) {
      throw usageError('this folder holds a Python project (pyproject.toml); adding to an existing Python project is not supported yet (only to Node.js projects with a package.json)', ['To start a new Python project, pass a new or empty directory with --runtime python.']);
    }
    return undefined;
  }
  if (stats.isSymbolicLink()) throw usageError('package.json in the target is a symbolic link; run this in the folder that holds the real one');
  // Not a file: a new project's preflight reports it as a blocker. A project this tool
  // created is run again as a creation (every file identical), not added to.
  if (!stats.isFile() || GENERATED_MARKERS.every((file) => existsSync(path.join(root, file)))) return undefined;
  const packageJsonText = await readFile(packageJsonPath, 'utf8');
  let manifest: Manifest;
  try {
    manifest = parseJsonText(packageJsonText) as Manifest;
  } catch (error) {
    throw usageError(`package.json in the target is not valid JSON (${(error as Error).message}); fix it, then run again`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw usageError('package.json in the target is not a JSON object');
  // JSON.parse keeps the last of two equal keys; an edit of the text could hit the other.
  const keys = jsonLayout(packageJsonText).members.map((member) => member.key);
  const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
  if (repeated !== undefined) throw usageError(`package.json in the target has the key ${JSON.stringify(repeated)} twice; keep one, then run again`);

  const dependencies = { ...manifest.devDependencies, ...manifest.dependencies };
  const framework = FRAMEWORK_PACKAGES.find(([name]) => name in dependencies)?.[1] ?? 'none';
  // tsconfig.json, not the typescript dependency: an addition to a JavaScript project adds
  // that dependency itself, and a second run must see the same project as the first.
  const typescript = existsSync(path.join(root, 'tsconfig.json'));
  const sourceDir = (await isDirectory(path.join(root, 'src'))) ? 'src' : '.';
  const appDir = await appDirOf(root, sourceDir);
  const pagesChatRoute = PAGES_CHAT_ROUTES.find((file) => existsSync(path.join(root, file)));
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
    ...(pagesChatRoute ? { pagesChatRoute } : {}),
    packageManager,
    packageManagerSource: source,
    importStyle,
  };
}
