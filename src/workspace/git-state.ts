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
 * Git for reading only, run in `cwd`, hardened against the repository's own config (it may
 * be someone else's): paths unquoted, no credential prompts, no optional locks (a read
 * never blocks the user's own git commands), no fsmonitor or signature-checking program,
 * and no network (a partial clone would otherwise fetch missing objects on `git log`).
 */
export const readOnlyGit =
  (cwd: string, options: { timeoutMs?: number } = {}) =>
  (args: readonly string[]): Promise<CommandResult> =>
    runCommand('git', ['-c', 'core.quotePath=false', '-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', ...args], {
      cwd,
      env: { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', GIT_ALLOW_PROTOCOL: 'none' },
      ...options,
    });

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
