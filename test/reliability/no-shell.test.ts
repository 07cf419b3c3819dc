import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { GIT_IDENTITY, withNodeLts } from '../support/generated-project.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('child processes get argument arrays, never shell text', () => {
  for (const directory of ['x; touch PWNED', '$(touch PWNED)', '`touch PWNED`', "x' && touch PWNED && '", 'a | touch PWNED']) {
    test(`a folder named ${JSON.stringify(directory)}, with install and git init, runs nothing`, async () => {
      const cwd = await tempDir();
      const run = await runCli([directory, '--name', 'safe-name', '--yes', '--json'], { cwd, env: { ...withNodeLts(), ...GIT_IDENTITY } });
      assert.equal(run.exitCode, 0, run.stderr);
      const result = JSON.parse(run.stdout);
      assert.deepEqual(result.steps, ['npm install', 'git init and first commit']);
      const everything = await readdir(cwd, { recursive: true });
      // The folder's own name ends in PWNED; a file named exactly that would mean a shell ran.
      assert.ok(!everything.some((entry) => path.basename(entry) === 'PWNED'), 'a shell ran the name');
      // The printed cd is quoted for a POSIX shell, so pasting it is safe too.
      assert.equal(result.nextSteps[0], `cd '${directory.replaceAll("'", "'\\''")}'`);
    });
  }

  test('a folder name with quotes, a backslash, braces, unicode and spaces is used as a path only', async () => {
    const cwd = await tempDir();
    const directory = `wéird {{name}} "q" 'a' \\ b $HOME`;
    const run = await runCli([directory, '--name', 'weird-ok', '--yes', '--no-install', '--no-git', '--json'], { cwd });
    assert.equal(run.exitCode, 0, run.stderr);
    const files = await readdir(path.join(cwd, directory), { recursive: true, withFileTypes: true });
    for (const entry of files.filter((candidate) => candidate.isFile())) {
      const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
      assert.ok(!text.includes(directory) && !text.includes('{{name}}'), `${entry.name} holds the folder name or unrendered braces`);
    }
    assert.equal(JSON.parse(run.stdout).nextSteps[0], `cd '${directory.replaceAll("'", "'\\''")}'`);
  });
});
