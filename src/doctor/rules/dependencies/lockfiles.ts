import { parseBunLock } from './bun-lock.ts';
import { parseDenoLock } from './deno-lock.ts';
import type { LockfileParser } from './locked-package.ts';
import { parsePackageLock } from './package-lock.ts';
import { parsePipfileLock } from './pipfile-lock.ts';
import { parsePnpmLock } from './pnpm-lock.ts';
import { parsePythonTomlLock } from './python-toml-lock.ts';
import { parseRequirementsTxt } from './requirements-txt.ts';
import { parseYarnLock } from './yarn-lock.ts';

export type Registry = 'npm' | 'pypi';

export interface LockfileFormat {
  registry: Registry;
  parse: LockfileParser;
}

/** By file name: the lockfiles (and pinned requirements) doctor reads. */
const FORMATS: Readonly<Record<string, LockfileFormat>> = {
  'package-lock.json': { registry: 'npm', parse: parsePackageLock },
  'npm-shrinkwrap.json': { registry: 'npm', parse: parsePackageLock },
  'pnpm-lock.yaml': { registry: 'npm', parse: parsePnpmLock },
  'yarn.lock': { registry: 'npm', parse: parseYarnLock },
  'bun.lock': { registry: 'npm', parse: parseBunLock },
  'deno.lock': { registry: 'npm', parse: parseDenoLock },
  'poetry.lock': { registry: 'pypi', parse: parsePythonTomlLock },
  'uv.lock': { registry: 'pypi', parse: parsePythonTomlLock },
  'pdm.lock': { registry: 'pypi', parse: parsePythonTomlLock },
  'Pipfile.lock': { registry: 'pypi', parse: parsePipfileLock },
};

const REQUIREMENTS: LockfileFormat = { registry: 'pypi', parse: parseRequirementsTxt };
/** `requirements.txt`, `requirements-dev.txt`, `dev-requirements.txt`, and any `.txt` in a `requirements/` folder. */
const REQUIREMENTS_FILE = /(^|\/)([^/]*requirements[^/]*|requirements\/[^/]+)\.txt$/;

/** How to read `file` (a repository path), or undefined when it is not a lockfile. */
export function lockfileFormatOf(file: string): LockfileFormat | undefined {
  const name = file.slice(file.lastIndexOf('/') + 1);
  return FORMATS[name] ?? (REQUIREMENTS_FILE.test(file) ? REQUIREMENTS : undefined);
}
