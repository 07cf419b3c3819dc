import { existsSync } from 'node:fs';
import { constants } from 'node:fs';
import { access, lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { usageError } from '../errors.ts';
import { readEnvKeys } from './env-file.ts';
import { detectExistingProject, type ExistingProject } from './existing-project.ts';
import { readGitState, type GitState } from './git-state.ts';

/** Files an addition merges into rather than writes (package.json aside); their text is read once, here. */
export type MergedFile = '.gitignore' | '.env.example';

/** A read-only look at the target before anything is planned or written. */
export interface Workspace {
  /** Absolute path of the target directory. */
  targetDir: string;
  exists: boolean;
  isCurrentDirectory: boolean;
  /** True when the target is (or will be) inside an existing git work tree. */
  insideGitWorkTree: boolean;
  /** Set when the target already holds a project: the run adds to it. */
  project?: ExistingProject;
  /** Texts of the files merged into the project (undefined: the file does not exist). */
  mergedFiles?: Readonly<Record<MergedFile, string | undefined>>;
  /** Names of the variables the project's `.env` gives a value; undefined without a `.env`. */
  envKeys?: ReadonlySet<string>;
  git?: GitState;
}

/** Walks up from the target to find a `.git` (folder, or file for worktrees). */
function isInsideGitWorkTree(start: string): boolean {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, '.git'))) return true;
    if (path.dirname(directory) === directory) return false;
  }
}

/**
 * The target, or the nearest folder above it that exists, must be writable: better a
 * usage error naming the folder now than a failure halfway through writing.
 */
async function assertWritable(targetDir: string, directory: string): Promise<void> {
  let existing = targetDir;
  while (!(await lstat(existing).catch(() => undefined)) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch {
    const where = existing === targetDir ? directory : `${existing} (where ${directory} would be created)`;
    throw usageError(`cannot write to ${where}: permission denied; choose a folder you can write to`);
  }
}

const readIfFile = async (absolute: string): Promise<string | undefined> =>
  (await lstat(absolute).catch(() => undefined))?.isFile() ? readFile(absolute, 'utf8') : undefined;

/** The target folder only; `loadProject` adds what an existing project needs. */
export async function snapshotWorkspace(directory: string, cwd: string): Promise<Workspace> {
  const targetDir = path.resolve(cwd, directory);
  const stats = await lstat(targetDir).catch(() => undefined);
  if (stats?.isSymbolicLink()) {
    throw usageError(`${directory} is a symbolic link; give the real directory instead`);
  }
  if (stats && !stats.isDirectory()) {
    throw usageError(`${directory} exists and is not a directory; choose another name`);
  }
  await assertWritable(targetDir, directory);
  const workspace: Workspace = {
    targetDir,
    exists: stats !== undefined,
    isCurrentDirectory: targetDir === path.resolve(cwd),
    insideGitWorkTree: isInsideGitWorkTree(targetDir),
  };
  const project = workspace.exists ? await detectExistingProject(targetDir) : undefined;
  if (!project) return workspace;

  const [gitignore, envExample, envKeys, git] = await Promise.all([
    readIfFile(path.join(targetDir, '.gitignore')),
    readIfFile(path.join(targetDir, '.env.example')),
    readEnvKeys(path.join(targetDir, '.env')),
    workspace.insideGitWorkTree ? readGitState(targetDir) : undefined,
  ]);
  return {
    ...workspace,
    project,
    mergedFiles: { '.gitignore': gitignore, '.env.example': envExample },
    ...(envKeys ? { envKeys } : {}),
    ...(git ? { git } : {}),
  };
}
