import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../../errors.ts';
import type { CommandResult } from '../../steps/run-command.ts';
import { readOnlyGit, zPaths } from '../../workspace/git-state.ts';
import type { GitView, Repository } from '../types.ts';
import { isIgnoredBy, parseGitignore, type GitignoreFiles } from './gitignore.ts';
import { readText } from './read-text.ts';

/** Never scanned outside git: installed dependencies, environments and build output. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.next', 'dist', 'build', 'coverage', '.turbo', '.cache', '.pytest_cache', '.ruff_cache', '.mypy_cache']);

/** Listing files and asking about ignores take seconds even on huge repositories; history can take longer. */
const LIST_TIMEOUT_MS = 120_000;
const HISTORY_TIMEOUT_MS = 600_000;

/** A name that was not valid UTF-8 arrives with U+FFFD in it, and cannot be opened by that name. */
const UNREADABLE_NAME = /\uFFFD/;

/** Every file under root outside SKIPPED_FOLDERS and not matched by a `.gitignore`; no symlinks. */
function walkFolder(root: string, warnings: string[]): { files: string[]; gitignores: GitignoreFiles } {
  const files: string[] = [];
  const gitignores = new Map<string, ReturnType<typeof parseGitignore>>();
  const visit = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, folder), { withFileTypes: true });
    } catch (error) {
      warnings.push(`could not read the folder ${folder || '.'} (${(error as NodeJS.ErrnoException).code ?? 'error'}); its files were not audited`);
      return;
    }
    if (entries.some((entry) => entry.isFile() && entry.name === '.gitignore')) gitignores.set(folder, parseGitignore(readText(path.join(root, folder, '.gitignore')) ?? ''));
    for (const entry of entries) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      // The folder itself was not ignored (or it would not be visited): only the entry's own name is judged.
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnoredBy(gitignores, relative, { isFolder: true, parentsNotIgnored: true })) visit(relative);
      } else if (entry.isFile() && !isIgnoredBy(gitignores, relative, { parentsNotIgnored: true })) files.push(relative);
    }
  };
  visit('');
  return { files: files.sort(), gitignores };
}

/** A git command that ran too long is an error, not an empty answer: the audit would be silently incomplete. */
function finished(result: CommandResult, what: string): CommandResult {
  if (result.timedOut) throw new CliError('failure', `git did not finish ${what} in time; nothing was reported`, ['Run doctor on a smaller folder, or check the repository with git fsck.']);
  return result;
}

/** Git's view of root, or undefined when root is not in a work tree (or git is missing). */
async function gitViewOf(root: string, warnings: string[]): Promise<{ view: GitView; files: string[] } | undefined> {
  // No global excludes file anywhere: it protects this one machine, not the other clones.
  const git = (args: readonly string[], timeoutMs = LIST_TIMEOUT_MS) => readOnlyGit(root, { timeoutMs })(['-c', 'core.excludesFile=', ...args]);
  const tracked = finished(await git(['ls-files', '-z', '--cached', '--', '.']), 'listing tracked files');
  if (!tracked.ok) return undefined;
  const untracked = finished(await git(['ls-files', '-z', '--others', '--exclude-standard', '--', '.']), 'listing untracked files');
  if (!untracked.ok) warnings.push('git could not list untracked files; only tracked files were audited');
  const prefix = await git(['rev-parse', '--show-prefix']);
  const trackedFiles = zPaths(tracked.stdout);
  const view: GitView = {
    prefix: prefix.stdout.trim(),
    tracked: new Set(trackedFiles),
    async everAdded(pathspecs) {
      // Every ref: what a clone (or a leaked backup) holds.
      const log = finished(await git(['log', '--all', '--diff-filter=A', '--name-only', '--relative', '--format=', '-z', '--', ...pathspecs], HISTORY_TIMEOUT_MS), 'reading history');
      if (!log.ok) {
        warnings.push(`git could not read the history (${log.output.trim().split('\n')[0] ?? `exit ${log.exitCode}`}); files in past commits were not checked`);
        return [];
      }
      return [...new Set(zPaths(log.stdout).map((file) => file.replace(/^\n+/, '')))].sort();
    },
    async ignored(paths) {
      const ignored = new Set<string>();
      // --no-index: a tracked .env is still judged by the patterns, which is the question.
      // (-z works only with --stdin; a path with a control character comes back quoted
      // and simply does not match.) Batches keep the command line short.
      for (let start = 0; start < paths.length; start += 500) {
        const result = finished(await git(['check-ignore', '--no-index', '--', ...paths.slice(start, start + 500)]), 'checking .gitignore');
        // Exit 1 means "none of them is ignored"; anything else is a failure.
        if (!result.ok && result.exitCode !== 1) warnings.push(`git check-ignore failed (${result.output.trim().split('\n')[0] ?? ''}); .gitignore coverage may be reported wrongly`);
        for (const file of result.stdout.split('\n')) if (file !== '') ignored.add(file);
      }
      return ignored;
    },
  };
  return { view, files: [...new Set([...trackedFiles, ...zPaths(untracked.stdout)])].sort() };
}

/**
 * Whether the folders on the way to `file` stay inside the repository once every symbolic
 * link is resolved (readText refuses a link as the last step itself). Asked once per folder.
 */
function insideRepository(root: string): (file: string) => boolean {
  const realRoot = realpathSync(root);
  const verdicts = new Map<string, boolean>();
  return (file) => {
    const folder = path.posix.dirname(file);
    if (folder === '.') return true;
    let inside = verdicts.get(folder);
    if (inside === undefined) {
      try {
        const real = realpathSync(path.join(root, ...folder.split('/')));
        inside = real === realRoot || real.startsWith(`${realRoot}${path.sep}`);
      } catch {
        inside = false;
      }
      verdicts.set(folder, inside);
    }
    return inside;
  };
}

/** Reads the folder's file list once; file texts are read when a rule first asks. */
export async function openRepository(root: string): Promise<Repository> {
  const warnings: string[] = [];
  const git = await gitViewOf(root, warnings);
  const walked = git ? undefined : walkFolder(root, warnings);
  const listed = git?.files ?? walked!.files;
  // Inside a work tree, an ignored folder (node_modules, say) lists nothing: say so, or it would look clean.
  if (git && listed.length === 0) warnings.push('git lists no files here: the folder is empty or ignored by git, so nothing was audited');
  const unreadable = listed.filter((file) => UNREADABLE_NAME.test(file));
  if (unreadable.length > 0) warnings.push(`${unreadable.length} file name${unreadable.length === 1 ? ' is' : 's are'} not valid UTF-8; ${unreadable.length === 1 ? 'it was' : 'they were'} not audited`);
  const isInside = insideRepository(root);
  const texts = new Map<string, string | undefined>();
  return {
    root,
    files: listed.filter((file) => !UNREADABLE_NAME.test(file)),
    text(file) {
      if (!texts.has(file)) {
        // A folder on the way may be a symbolic link: never read outside the repository.
        texts.set(file, isInside(file) ? readText(path.join(root, ...file.split('/'))) : undefined);
      }
      return texts.get(file);
    },
    git: git?.view,
    async ignored(paths) {
      if (git) return git.view.ignored(paths);
      return new Set(paths.filter((file) => isIgnoredBy(walked!.gitignores, file)));
    },
    warnings,
  };
}
