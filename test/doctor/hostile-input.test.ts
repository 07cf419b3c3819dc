import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { execa } from 'execa';
import { audit } from '../../src/doctor/audit.ts';
import { CLI } from '../support/paths.ts';
import { fakeKey, gitIn, makeRepo } from '../support/doctor-repo.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Just under the 1 MiB limit, so the file is read. */
const NEAR_LIMIT = 900_000;

/**
 * Inputs that made a regex or a scan take the square (or worse) of their length. The
 * timeout is a hang guard, not a speed target: each of these took minutes before.
 */
describe('hostile input: every audit finishes', { timeout: 120_000 }, () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['an import followed by a long run of spaces', { 'a.js': `import${' '.repeat(NEAR_LIMIT)}x` }],
    ['a long run of blanks in an env template value', { '.env.example': `OPENAI_API_KEY=a${' '.repeat(NEAR_LIMIT)}x\n` }],
    ['a .gitignore line of spaces', { '.gitignore': `${' '.repeat(NEAR_LIMIT)}x\n`, 'a.js': 'x\n' }],
    ['unclosed log calls', { 'a.js': 'console.log('.repeat(NEAR_LIMIT / 12) }],
    ['unclosed print calls', { 'a.py': 'print('.repeat(NEAR_LIMIT / 6) }],
    ['unclosed client constructions', { 'a.ts': `import OpenAI from 'openai';\n${'new OpenAI('.repeat(NEAR_LIMIT / 11)}` }],
    ['unclosed withOptions calls', { 'a.ts': `import OpenAI from 'openai';\nconst c = new OpenAI({ timeout: 1 });\n${'c.withOptions('.repeat(NEAR_LIMIT / 14)}` }],
    ['an unclosed next.config env', { 'next.config.js': `module.exports = ${'{ env: {'.repeat(NEAR_LIMIT / 9)}` }],
    ['a log call with a hundred thousand arguments', { 'a.js': `console.log(process.env, ${'a, '.repeat(100_000)}b);\n` }],
    ['a component of unclosed comments', { 'a.vue': '<!--'.repeat(NEAR_LIMIT / 4) }],
    ['a component of unclosed script tags', { 'a.vue': '<script '.repeat(NEAR_LIMIT / 8) }],
    ['nested template literals', { 'a.js': '`${'.repeat(NEAR_LIMIT / 3) }],
    ['a gitignore pattern of many stars', { '.gitignore': '*a*a*a*a*a*a*a*a*a*a*b\n', [`${'a'.repeat(200)}.txt`]: 'x\n' }],
  ];
  for (const [name, files] of cases) {
    for (const inGit of [false, true]) {
      test(`${name} (${inGit ? 'git' : 'folder'})`, async () => {
        const result = await audit(await makeRepo({ files, git: inGit }));
        assert.ok(result.filesScanned >= 1);
      });
    }
  }

  test('folders nested 300 deep, outside git', async () => {
    const root = await tempDir('csaa-deep-');
    const deep = path.join(root, ...Array.from({ length: 300 }, () => 'd'));
    await mkdir(deep, { recursive: true });
    await writeFile(path.join(deep, 'a.ts'), `const k = '${fakeKey('groq', 1)}';\n`);
    const result = await audit(root);
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), ['hardcoded-key', 'gitignore-env']);
  });
});

describe('hostile repositories', () => {
  test('an invalid .gitignore pattern is skipped, not a crash', async () => {
    const result = await audit(await makeRepo({ files: { '.gitignore': '[z-a]\n.env\n.env.*\n!.env.example\n', 'a.js': 'x\n' } }));
    assert.deepEqual(result.findings, []);
  });

  test('a file reached through a symbolic link to a folder outside is not read', async () => {
    const outside = await makeRepo({ files: { 'config.js': `module.exports = '${fakeKey('openai-project', 2)}';\n` } });
    const root = await makeRepo({ git: true, files: { '.gitignore': 'link\n', 'a.js': 'x\n' } });
    await symlink(outside, path.join(root, 'link'));
    // Git never checks out a file beyond a symlink, but an index can be made to list one.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: root, input: '' }).toString().trim();
    gitIn(root, 'update-index', '--add', '--cacheinfo', `100644,${blob},link/config.js`);
    const result = await audit(root);
    assert.ok(result.filesScanned >= 2);
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'hardcoded-key'), []);
  });

  test("the repository's git config cannot make doctor run a program or reach the network", async () => {
    const root = await makeRepo({ git: true, removedFromHistory: { '.env': 'A=1\n' }, files: { '.gitignore': '.env\n.env.*\n!.env.example\n' } });
    const marker = path.join(root, '..', `${path.basename(root)}-ran`);
    const evil = path.join(root, '..', `${path.basename(root)}-evil.sh`);
    await writeFile(evil, `#!/bin/sh\necho "$@" >> '${marker}'\nexit 1\n`);
    await chmod(evil, 0o755);
    // A commit with a signature header, so that log.showSignature would call gpg.program.
    const head = gitIn(root, 'cat-file', 'commit', 'HEAD').replace(/^(committer .*)$/m, '$1\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----');
    const signed = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: root, input: head }).toString().trim();
    gitIn(root, 'update-ref', 'refs/heads/main', signed);
    for (const [key, value] of [
      ['core.fsmonitor', evil],
      ['log.showSignature', 'true'],
      ['gpg.program', evil],
      ['core.sshCommand', evil],
      ['core.pager', evil],
      ['core.repositoryformatversion', '1'],
      ['extensions.partialClone', 'origin'],
      ['remote.origin.promisor', 'true'],
      ['remote.origin.url', 'ssh://nowhere.invalid/x'],
    ]) gitIn(root, 'config', key!, value!);
    // A missing tree makes a partial clone fetch it from the promisor remote.
    const tree = gitIn(root, 'rev-parse', `${signed}^{tree}`).trim();
    await rm(path.join(root, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
    const result = await execa(process.execPath, [CLI, 'doctor', '--json'], { cwd: root, reject: false });
    assert.ok([0, 1].includes(result.exitCode ?? -1), result.stderr);
    assert.equal(existsSync(marker), false, 'no program of the repository ran');
    // The history could not be read (a tree is missing): said, not silently skipped.
    const report = JSON.parse(result.stdout) as { warnings: string[] };
    assert.equal(report.warnings.length, 1);
    assert.match(report.warnings[0]!, /^git could not read the history \(.+\); files in past commits were not checked$/);
    const text = await execa(process.execPath, [CLI, 'doctor'], { cwd: root, reject: false });
    assert.match(text.stdout, /^Not checked: git could not read the history/m);
  });

  test('an error quoting hostile text reaches the terminal escaped', async () => {
    const root = await tempDir();
    const result = await execa(process.execPath, [CLI, 'doctor', '\u001b[2Jgone'], { cwd: root, reject: false });
    assert.equal(result.exitCode, 2);
    assert.ok(!result.stderr.includes('\u001b'), result.stderr);
  });
});
