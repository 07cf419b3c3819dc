import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { SECRET_PLACEHOLDER, type ExistingProjectFixture } from '../fixtures/existing-projects.ts';
import { GIT_IDENTITY } from './generated-project.ts';
import { snapshotTree } from './snapshot-tree.ts';

/** A made-up secret, new each run: if it ever shows up in output, something leaked. */
export const FIXTURE_SENTINEL = `sk-proj-${randomBytes(24).toString('hex')}`;

export const git = (cwd: string, args: readonly string[]) =>
  execa('git', ['-c', 'core.excludesFile=', '-c', 'commit.gpgsign=false', ...args], { cwd, env: GIT_IDENTITY, reject: false });

async function writeFiles(root: string, files: Record<string, string>) {
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), content.replaceAll(SECRET_PLACEHOLDER, FIXTURE_SENTINEL));
  }
}

/** The fixture as a real git repository with one commit (two when it tracks extra files). */
export async function materialize(parent: string, fixture: ExistingProjectFixture): Promise<string> {
  const root = path.join(parent, fixture.name);
  await mkdir(root);
  await writeFiles(root, fixture.files);
  await git(root, ['init', '--quiet', '--initial-branch=main']);
  await git(root, ['add', '--all']);
  await git(root, ['commit', '--quiet', '--no-verify', '-m', 'the project as its author left it']);
  if (fixture.trackedExtra) {
    await writeFiles(root, fixture.trackedExtra);
    await git(root, ['add', '--force', ...Object.keys(fixture.trackedExtra)]);
    await git(root, ['commit', '--quiet', '--no-verify', '-m', 'add settings']);
  }
  return root;
}

export const head = async (root: string) => (await git(root, ['rev-parse', 'HEAD'])).stdout.trim();

/** Every file outside .git (whose index git may refresh) with its mode and bytes. */
export async function snapshotProject(root: string): Promise<Record<string, string>> {
  const tree = await snapshotTree(root);
  return Object.fromEntries(Object.entries(tree).filter(([relative]) => relative !== '.git' && !relative.startsWith(`.git${path.sep}`)));
}

export const readText = (root: string, relative: string) => readFile(path.join(root, relative), 'utf8');
