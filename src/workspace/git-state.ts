import { runCommand } from '../steps/run-command.ts';

export interface GitState {
  /** `.env` and `.env.*` files (other than `.env.example`) that git tracks: leaked or about to be. */
  trackedEnvFiles: string[];
  /** Uncommitted changes in the work tree, so the user cannot tell our edits from theirs. */
  dirty: boolean;
}

const ENV_FILE = /(^|\/)\.env(\..+)?$/;
/** Templates meant to be shared: `.env.example`, `.env.local.example`, `.env.sample`... */
const ENV_TEMPLATE = /\.(example|sample|template|dist)$/;

/**
 * Asks git (read-only commands, argument arrays) about the repository around the
 * target. Undefined when git is missing or the folder is not in a work tree.
 */
export async function readGitState(targetDir: string): Promise<GitState | undefined> {
  const git = (args: string[]) => runCommand('git', ['-c', 'core.quotePath=false', ...args], { cwd: targetDir, env: { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } });
  const tracked = await git(['ls-files', '-z', '--', '.']);
  if (!tracked.ok) return undefined;
  const status = await git(['status', '--porcelain', '-z', '--untracked-files=normal', '--', '.']);
  return {
    trackedEnvFiles: tracked.output
      .split('\0')
      .filter((file) => ENV_FILE.test(file) && !ENV_TEMPLATE.test(file))
      .sort(),
    dirty: status.ok && status.output.length > 0,
  };
}
