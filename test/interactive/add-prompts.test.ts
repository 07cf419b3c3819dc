import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { FIXTURES } from '../fixtures/existing-projects.ts';
import { materialize, readText, snapshotProject } from '../support/existing-project.ts';
import { CLI } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';
import { Terminal } from '../support/terminal.ts';

const terminals: Terminal[] = [];
after(() => Promise.all(terminals.map((terminal) => terminal.close())));

/** The Express TS fixture with work in progress, opened in a real terminal at its root. */
async function dirtyProject() {
  const root = await materialize(await tempDir(), FIXTURES.find((fixture) => fixture.name === 'express-ts')!);
  await writeFile(path.join(root, 'src/app.ts'), `${await readText(root, 'src/app.ts')}// TODO: pagination\n`);
  const terminal = await Terminal.start([process.execPath, CLI, '.'], { cwd: root });
  terminals.push(terminal);
  return { root, terminal };
}

/** Accepts the detected defaults, declines the install, and stops at the dirty-tree question. */
async function answerUpToTheDirtyTree(terminal: Terminal) {
  const framework = await terminal.waitFor(/Which framework does the project use\?/);
  assert.match(framework, /● Express/, 'the detected framework is the default');
  await terminal.press('Enter');
  await terminal.waitFor(/Which AI provider\?/);
  await terminal.press('Enter');
  const packageManager = await terminal.waitFor(/Which package manager\?/);
  assert.match(packageManager, /● npm/);
  await terminal.press('Enter');
  await terminal.waitFor(/Install the added dependencies with npm now\?/);
  await terminal.press('Right', 'Enter');
  const question = await terminal.waitFor(/uncommitted changes.*\s*.*Add anyway\?/);
  assert.doesNotMatch(question, /Initialize a git repository/, 'never asked about git init in an existing project');
}

describe('adding to an existing project in a real terminal', () => {
  test('uncommitted changes: answering no (the default) stops with exit 130 and writes nothing', async () => {
    const { root, terminal } = await dirtyProject();
    const before = await snapshotProject(root);
    await answerUpToTheDirtyTree(terminal);
    await terminal.press('Enter');
    await terminal.waitFor(/Stopped: nothing was written/);
    assert.equal(await terminal.exitCode(), 130);
    assert.deepEqual(await snapshotProject(root), before);
  });

  test('answering yes adds the module, reports what was detected and the lines to paste', async () => {
    const { root, terminal } = await dirtyProject();
    await answerUpToTheDirtyTree(terminal);
    await terminal.press('Left', 'Enter');
    const screen = await terminal.waitFor(/Next steps/);
    assert.equal(await terminal.exitCode(), 0);
    assert.match(screen, /Detected: Express app, TypeScript, ESM, code in src\/, npm \(package-lock\.json\)/);
    assert.match(screen, /mountSecureAi\(app, createSecureAi\(\)\);/);
    assert.match(await readText(root, 'src/secure-ai/index.ts'), /export function createSecureAi/);
    assert.match(await readText(root, 'src/app.ts'), /TODO: pagination/, 'the work in progress is untouched');
  });
});
