import { runCommand, type CommandResult } from '../steps/run-command.ts';

export interface GitState {
  /** `.env` and `.env.*` files (other than `.env.example`) that git tracks: leaked or about to be. */
  trackedEnvFiles: string[];
  /** Uncommitted changes in the work tree, so the user cannot tell our edits from theirs. */
  dirty: boolean;
}

const ENV_FILE = /(^|\/)\.env(\..+)?$/;
/** Templates meant to be shared: `.env.example`, `.env.local.example`, `.env.sample`... */
const ENV_TEMPLATE = /\.(example|sample|template|dist)$/;

export const isEnvFile = (file: string): boolean => ENV_FILE.test(file) && !ENV_TEMPLATE.test(file);

/**
 * Git for reading only, run in `cwd`: paths unquoted, no credential prompts, no optional
 * locks (a read never blocks the user's own git commands), and no fsmonitor, which a
 * repository's own config could point at a program of its choosing.
 */
export const readOnlyGit =
  (cwd: string) =>
  (args: readonly string[]): Promise<CommandResult> =>
    runCommand('git', ['-c', 'core.quotePath=false', '-c', 'core.fsmonitor=false', ...args], { cwd, env: { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } });

/** The NUL-separated paths of a `-z` listing. */
export const zPaths = (stdout: string): string[] => stdout.split('\0').filter((path) => path !== '');

/**
 * Asks git (read-only commands, argument arrays) about the repository around the
 * target. Undefined when git is missing or the folder is not in a work tree.
 */
export async function readGitState(targetDir: string): Promise<GitState | undefined> {
  const git = readOnlyGit(targetDir);
  const tracked = await git(['ls-files', '-z', '--', '.']);
  if (!tracked.ok) return undefined;
  const status = await git(['status', '--porcelain', '-z', '--untracked-files=normal', '--', '.']);
  return {
    trackedEnvFiles: zPaths(tracked.stdout).filter(isEnvFile).sort(),
    dirty: status.ok && status.output.length > 0,
  };
}
