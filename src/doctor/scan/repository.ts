import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readOnlyGit, zPaths } from '../../workspace/git-state.ts';
import type { GitView, Repository } from '../types.ts';
import { isIgnoredBy, parseGitignore, type GitignoreFiles } from './gitignore.ts';
import { readText } from './read-text.ts';

/** Never scanned outside git: installed dependencies, environments and build output. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.next', 'dist', 'build', 'coverage', '.turbo', '.cache', '.pytest_cache', '.ruff_cache', '.mypy_cache']);

/** Every file under root outside SKIPPED_FOLDERS and not matched by a `.gitignore`; no symlinks. */
function walkFolder(root: string): { files: string[]; gitignores: GitignoreFiles } {
  const files: string[] = [];
  const gitignores = new Map<string, ReturnType<typeof parseGitignore>>();
  const visit = (folder: string) => {
    const entries = readdirSync(path.join(root, folder), { withFileTypes: true });
    const ignoreFile = entries.find((entry) => entry.isFile() && entry.name === '.gitignore');
    if (ignoreFile) gitignores.set(folder, parseGitignore(readText(path.join(root, folder, '.gitignore')) ?? ''));
    for (const entry of entries) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isIgnoredBy(gitignores, relative, true)) visit(relative);
      } else if (entry.isFile() && !isIgnoredBy(gitignores, relative)) files.push(relative);
    }
  };
  visit('');
  return { files: files.sort(), gitignores };
}

/** Git's view of root, or undefined when root is not in a work tree (or git is missing). */
async function gitViewOf(root: string): Promise<{ view: GitView; files: string[] } | undefined> {
  const git = readOnlyGit(root);
  const tracked = await git(['ls-files', '-z', '--cached', '--', '.']);
  if (!tracked.ok) return undefined;
  const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard', '--', '.']);
  const prefix = await git(['rev-parse', '--show-prefix']);
  const trackedFiles = zPaths(tracked.stdout);
  const view: GitView = {
    prefix: prefix.stdout.trim(),
    tracked: new Set(trackedFiles),
    async everAdded(pathspecs) {
      // Every ref and the reflog-free history: what a clone (or a leaked backup) holds.
      const log = await git(['log', '--all', '--diff-filter=A', '--name-only', '--relative', '--format=', '-z', '--', ...pathspecs]);
      return log.ok ? [...new Set(zPaths(log.stdout).map((file) => file.replace(/^\n+/, '')))].sort() : [];
    },
    async ignored(paths) {
      const ignored = new Set<string>();
      // --no-index: a tracked .env is still judged by the patterns, which is the question.
      // No global excludes file: it protects this one machine, not the other clones.
      // (-z works only with --stdin; a path with a control character comes back quoted
      // and simply does not match.) Batches keep the command line short.
      for (let start = 0; start < paths.length; start += 500) {
        const result = await git(['-c', 'core.excludesFile=', 'check-ignore', '--no-index', '--', ...paths.slice(start, start + 500)]);
        for (const file of result.stdout.split('\n')) if (file !== '') ignored.add(file);
      }
      return ignored;
    },
  };
  return { view, files: [...new Set([...trackedFiles, ...zPaths(untracked.stdout)])].sort() };
}

/** Reads the folder's file list once; file texts are read when a rule first asks. */
export async function openRepository(root: string): Promise<Repository> {
  const git = await gitViewOf(root);
  const walked = git ? undefined : walkFolder(root);
  const texts = new Map<string, string | undefined>();
  return {
    root,
    files: git?.files ?? walked!.files,
    text(file) {
      if (!texts.has(file)) texts.set(file, readText(path.join(root, ...file.split('/'))));
      return texts.get(file);
    },
    git: git?.view,
    async ignored(paths) {
      if (git) return git.view.ignored(paths);
      return new Set(paths.filter((file) => isIgnoredBy(walked!.gitignores, file)));
    },
  };
}
