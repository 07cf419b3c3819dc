import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PROJECT_ROOT } from './support/project-root.ts';

// A throwaway repository holding only our .gitignore, so the result does not
// depend on the developer's global excludes or on this project's git state.
const repo = mkdtempSync(join(tmpdir(), 'gitignore-test-'));
after(() => rmSync(repo, { recursive: true, force: true }));

const git = (...args: string[]) =>
  spawnSync('git', ['-c', 'core.excludesFile=', ...args], { cwd: repo, encoding: 'utf8' });
const hasGit = git('--version').status === 0;

test('.gitignore keeps env files out of git, but not .env.example', { skip: !hasGit && 'git is not installed' }, () => {
  assert.equal(git('init', '--quiet').status, 0);
  copyFileSync(join(PROJECT_ROOT, '.gitignore'), join(repo, '.gitignore'));
  const ignored = (path: string) => git('check-ignore', '--quiet', '--no-index', path).status === 0;
  for (const path of ['.env', '.env.local', '.env.production', '.env.development.local', '.env.keys']) {
    assert.ok(ignored(path), `${path} must be ignored`);
  }
  assert.ok(!ignored('.env.example'), '.env.example must not be ignored');
});
