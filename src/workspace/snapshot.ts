import { existsSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { usageError } from '../errors.ts';

/** A read-only look at the target before anything is planned or written. */
export interface Workspace {
  /** Absolute path of the target directory. */
  targetDir: string;
  exists: boolean;
  isCurrentDirectory: boolean;
  /** True when the target is (or will be) inside an existing git work tree. */
  insideGitWorkTree: boolean;
}

/** Walks up from the target to find a `.git` (folder, or file for worktrees). */
function isInsideGitWorkTree(start: string): boolean {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, '.git'))) return true;
    if (path.dirname(directory) === directory) return false;
  }
}

export async function snapshotWorkspace(directory: string, cwd: string): Promise<Workspace> {
  const targetDir = path.resolve(cwd, directory);
  const stats = await lstat(targetDir).catch(() => undefined);
  if (stats?.isSymbolicLink()) {
    throw usageError(`${directory} is a symbolic link; give the real directory instead`);
  }
  if (stats && !stats.isDirectory()) {
    throw usageError(`${directory} exists and is not a directory; choose another name`);
  }
  return {
    targetDir,
    exists: stats !== undefined,
    isCurrentDirectory: targetDir === path.resolve(cwd),
    insideGitWorkTree: isInsideGitWorkTree(targetDir),
  };
}
