import { rm } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from './run-command.ts';

export type GitOutcome =
  | { status: 'committed' }
  | { status: 'initialized'; warning: string }
  | { status: 'skipped'; warning: string };

/**
 * `git init` plus a first commit of exactly the generated files. Hooks and signing are
 * turned off for this one commit: a global pre-commit hook or a pinentry prompt must not
 * hang an unattended scaffold. Git trouble never fails the run: the project is usable.
 */
export async function initGitRepository(targetDir: string, message: string): Promise<GitOutcome> {
  const git = (args: string[]) => runCommand('git', args, { cwd: targetDir, env: { GIT_TERMINAL_PROMPT: '0' } });
  const init = await git(['init', '--quiet']);
  if (!init.ok) {
    await rm(path.join(targetDir, '.git'), { recursive: true, force: true });
    return { status: 'skipped', warning: init.missing ? 'git was not found on PATH; skipped git init' : 'git init failed; skipped it' };
  }
  // The project's own pre-commit secret scan, active from the first commit the user makes.
  await git(['config', 'core.hooksPath', '.githooks']);
  const add = await git(['add', '--all']);
  const commit = add.ok
    ? await git(['-c', 'commit.gpgsign=false', 'commit', '--quiet', '--no-verify', '--message', message])
    : add;
  if (commit.ok) return { status: 'committed' };
  return {
    status: 'initialized',
    warning: 'git repository created, but the first commit failed (is user.name and user.email set?); commit when ready',
  };
}
