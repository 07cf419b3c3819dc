import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { isIgnoredBy, parseGitignore, type GitignoreFiles } from '../../src/doctor/scan/gitignore.ts';
import { tempDir } from '../support/temp-dir.ts';

/** `.gitignore` texts keyed by folder ('' = root), as the folder walk collects them. */
type Gitignores = Record<string, string>;

const parsed = (gitignores: Gitignores): GitignoreFiles => new Map(Object.entries(gitignores).map(([folder, text]) => [folder, parseGitignore(text)]));

/** A trailing `/` marks a folder. */
const ignoredByMatcher = (gitignores: Gitignores, probe: string): boolean => isIgnoredBy(parsed(gitignores), probe.replace(/\/$/, ''), { isFolder: probe.endsWith('/') });

/**
 * What git itself answers, for the same files in a scratch repository: the reference the
 * matcher must agree with. The user's global excludes file is switched off.
 */
async function ignoredByGit(gitignores: Gitignores, probes: readonly string[]): Promise<Set<string>> {
  const root = await tempDir('csaa-gitignore-');
  execFileSync('git', ['init', '-q'], { cwd: root });
  for (const [folder, text] of Object.entries(gitignores)) {
    await mkdir(path.join(root, folder), { recursive: true });
    await writeFile(path.join(root, folder, '.gitignore'), text);
  }
  // Real folders, so that git knows a probe ending in `/` is one; asked without the slash,
  // as git's own walk does (`tmp/` would match `tmp/*` with an empty `*`).
  const folders = probes.filter((candidate) => candidate.endsWith('/')).map((folder) => folder.slice(0, -1));
  for (const folder of folders) await mkdir(path.join(root, folder), { recursive: true });
  let output = '';
  try {
    const asked = probes.map((probe) => probe.replace(/\/$/, ''));
    output = execFileSync('git', ['-c', 'core.excludesFile=', '-c', 'core.quotePath=false', 'check-ignore', '--no-index', '--', ...asked], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    // Exit 1: nothing ignored.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  return new Set(
    output
      .split('\n')
      .filter((line) => line !== '')
      // Git C-quotes a name with a control character (`"tab\t"`), as JSON would.
      .map((line) => (line.startsWith('"') ? (JSON.parse(line) as string) : line))
      .map((line) => (folders.includes(line) ? `${line}/` : line)),
  );
}

/** [.gitignore files, paths that must be ignored, paths that must not]. */
const CASES: Array<{ name: string; gitignores: Gitignores; ignored: string[]; kept: string[] }> = [
  {
    name: 'unanchored names match at any depth, a leading slash anchors',
    gitignores: { '': '.env\n/secrets.json\n' },
    ignored: ['.env', 'api/.env', 'a/b/.env', 'secrets.json'],
    kept: ['.env.local', 'my.env', 'api/secrets.json', '.envrc'],
  },
  {
    name: 'env patterns with negation, last match wins',
    gitignores: { '': '# secrets\n.env\n.env.*\n!.env.example\n' },
    ignored: ['.env', '.env.local', 'api/.env.production', '.env.local.example'],
    kept: ['.env.example', 'api/.env.example', 'env.ts', '.environment'],
  },
  {
    name: '.env* catches the template unless re-included after it',
    gitignores: { '': '.env*\n' },
    ignored: ['.env', '.env.example', '.envrc', '.environment', 'web/.env.local'],
    kept: ['env', 'config/env.ts'],
  },
  {
    name: 'a negation before the pattern loses',
    gitignores: { '': '!.env.example\n.env*\n' },
    ignored: ['.env.example'],
    kept: ['env.example'],
  },
  {
    name: '*.env also matches .env (a leading dot is not special)',
    gitignores: { '': '*.env\n' },
    ignored: ['.env', 'prod.env', 'a/.env'],
    kept: ['.env.local', '.envrc'],
  },
  {
    name: 'an inner slash anchors to the .gitignore folder',
    gitignores: { '': 'config/.env\n', api: 'local/*.json\n' },
    ignored: ['config/.env', 'api/local/a.json'],
    kept: ['src/config/.env', 'local/a.json', 'api/x/local/a.json', 'api/local/x/a.json'],
  },
  {
    name: 'a trailing slash matches folders only, and nothing comes back from an ignored folder',
    gitignores: { '': 'build/\nlogs/\n!logs/keep.log\n' },
    ignored: ['build/', 'build/out.js', 'src/build/', 'logs/keep.log'],
    kept: ['lib/build', 'build.txt'],
  },
  {
    name: 'folder/* can re-include a file, folder/ cannot',
    gitignores: { '': 'tmp/*\n!tmp/.gitkeep\n' },
    ignored: ['tmp/a', 'tmp/sub/'],
    kept: ['tmp/.gitkeep', 'tmp/'],
  },
  {
    name: 'double asterisks: leading, trailing and inner',
    gitignores: { '': '**/secrets/key.pem\nout/**\na/**/b.txt\n' },
    ignored: ['secrets/key.pem', 'x/y/secrets/key.pem', 'out/a', 'out/a/b', 'a/b.txt', 'a/x/y/b.txt'],
    kept: ['out', 'key.pem', 'a/b.txt.bak'],
  },
  {
    name: 'asterisks next to other characters are ordinary asterisks',
    gitignores: { '': 'logs/**.log\ncache**\n' },
    ignored: ['logs/a.log', 'cache', 'cachedir/', 'x/cache2'],
    kept: ['logs/x/a.log'],
  },
  {
    name: '? and character classes never match a slash',
    gitignores: { '': 'a?b\n[abc].txt\n[!x]y.md\n' },
    ignored: ['a.b', 'sub/a-b', 'a.txt', 'c.txt', 'zy.md'],
    kept: ['d.txt', 'xy.md', 'ab'],
  },
  {
    name: 'nested .gitignore files: the deeper one wins',
    gitignores: { '': '.env\n.env.*\n', api: '!.env\n', 'api/v2': '.env\n' },
    ignored: ['.env', 'web/.env', 'api/.env.local', 'api/v2/.env', 'api/v2/deep/.env'],
    kept: ['api/.env', 'api/sub/.env'],
  },
  {
    name: 'comments, blank lines, escapes and trailing spaces',
    gitignores: { '': '# .env\n\n\\#notes\n\\!bang\ntrailing   \nkept\\ \n  lead\r\nwin.txt\r\ntab\t\n' },
    ignored: ['#notes', '!bang', 'trailing', 'kept ', '  lead', 'win.txt', 'tab\t'],
    kept: ['.env', '# .env', 'notes', 'trailing   ', 'kept', 'lead', 'tab'],
  },
];

describe('the .gitignore matcher used outside git', () => {
  for (const { name, gitignores, ignored, kept } of CASES) {
    test(name, async () => {
      const byGit = await ignoredByGit(gitignores, [...ignored, ...kept]);
      // The fixture itself states git's behaviour; a wrong expectation fails here first.
      assert.deepEqual([...byGit].sort(), [...ignored].sort(), 'git check-ignore agrees with the fixture');
      for (const probe of ignored) assert.equal(ignoredByMatcher(gitignores, probe), true, `${probe} is ignored`);
      for (const probe of kept) assert.equal(ignoredByMatcher(gitignores, probe), false, `${probe} is not ignored`);
    });
  }

  test('an empty or comment-only .gitignore ignores nothing', () => {
    assert.deepEqual(parseGitignore(''), []);
    assert.deepEqual(parseGitignore('# only a comment\n\n   \n'), []);
    assert.equal(ignoredByMatcher({ '': '# .env\n' }, '.env'), false);
  });
});
