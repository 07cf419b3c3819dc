import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { jsonLayout } from '../../src/plan/merge/json-members.ts';
import { FIXTURES, type ExistingProjectFixture } from '../fixtures/existing-projects.ts';
import { FIXTURE_SENTINEL, git, head, materialize, readText, snapshotProject } from '../support/existing-project.ts';
import { npmIn } from '../support/generated-project.ts';
import { runCli } from '../support/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const MERGED = ['package.json', '.gitignore', '.env.example'];

interface AddResult {
  ok: boolean;
  mode: string;
  detected: Record<string, unknown>;
  options: Record<string, unknown>;
  files: { path: string; action: string; diff?: string }[];
  steps: string[];
  nextSteps: string[];
  warnings: string[];
  error?: { code: string; message: string };
}

async function add(root: string, args: readonly string[] = []) {
  const run = await runCli(['.', '--yes', '--no-install', '--json', ...args], { cwd: root });
  assert.ok(!run.stdout.includes(FIXTURE_SENTINEL) && !run.stderr.includes(FIXTURE_SENTINEL), 'a secret from the project reached the output');
  return { ...run, result: JSON.parse(run.stdout) as AddResult };
}

const MERGED_MEMBERS = ['scripts', 'dependencies', 'devDependencies'];

/**
 * package.json with the merged regions cut out: the values of the three members we
 * may edit, and members we added (with the comma before them). What is left must be
 * byte for byte the same before and after.
 */
function outsideMergedRegions(text: string, keysBefore: ReadonlySet<string>): string {
  const { members } = jsonLayout(text);
  let result = '';
  let cursor = 0;
  for (const [index, member] of members.entries()) {
    if (!keysBefore.has(member.key)) {
      const previousEnd = members[index - 1]?.valueEnd ?? member.start;
      result += text.slice(cursor, previousEnd);
      cursor = member.valueEnd;
    } else if (MERGED_MEMBERS.includes(member.key)) {
      result += `${text.slice(cursor, member.valueStart)}<merged>`;
      cursor = member.valueEnd;
    }
  }
  return result + text.slice(cursor);
}

function assertOnlyMergedRegionsChanged(before: string, after: string) {
  const keysBefore = new Set(jsonLayout(before).members.map((member) => member.key));
  assert.equal(outsideMergedRegions(after, keysBefore), outsideMergedRegions(before, keysBefore));
}

async function assertIgnoredByGit(root: string) {
  const ignored = async (file: string) => (await git(root, ['check-ignore', '--quiet', '--no-index', file])).exitCode === 0;
  for (const file of ['.env', '.env.local', '.env.production']) assert.ok(await ignored(file), `${file} must be ignored`);
  assert.ok(!(await ignored('.env.example')), '.env.example must not be ignored');
}

function checkFixture(fixture: ExistingProjectFixture) {
  describe(fixture.name, () => {
    test('--dry-run reports what was detected and every change, and writes nothing', async () => {
      const root = await materialize(await tempDir(), fixture);
      const before = await snapshotProject(root);
      const commit = await head(root);
      const { exitCode, result } = await add(root, ['--dry-run']);
      assert.equal(exitCode, 0);
      assert.equal(result.mode, 'add');
      assert.deepEqual(
        Object.fromEntries(Object.keys(fixture.expected).map((key) => [key, result.detected[key]])),
        fixture.expected,
      );
      for (const file of result.files) {
        assert.notEqual(file.action, 'conflict', file.path);
        if (file.action === 'update') assert.match(file.diff ?? '', /^--- a\/.*\n\+\+\+ b\/.*\n@@ /, `${file.path} has a unified diff`);
      }
      assert.equal(result.files.find((file) => file.path === 'package.json')?.action, 'update');
      assert.deepEqual(await snapshotProject(root), before);
      assert.equal(await head(root), commit);
    });

    test('adds only its own files, merges the shared ones in place, commits nothing, and a second run changes nothing', async () => {
      const root = await materialize(await tempDir(), fixture);
      const before = await snapshotProject(root);
      const originals = Object.fromEntries(await Promise.all(MERGED.map(async (file) => [file, await readText(root, file).catch(() => undefined)] as const)));
      const commit = await head(root);
      if (!fixture.ownCheckNeedsInstall) assert.equal((await npmIn(root, fixture.ownCheck)).exitCode, 0, 'the fixture passes its own check before');

      const { exitCode, result, stderr } = await add(root);
      assert.equal(exitCode, 0, stderr);
      assert.equal(await head(root), commit, 'no commit in an existing repository');
      assert.ok(!result.steps.some((step) => step.includes('git')), 'no git step');

      // Every pre-existing file but the merged ones is byte for byte (and mode) unchanged.
      const after = await snapshotProject(root);
      for (const [relative, entry] of Object.entries(before)) {
        if (!MERGED.includes(relative)) assert.equal(after[relative], entry, `${relative} changed`);
      }
      const created = result.files.filter((file) => file.action === 'create').map((file) => file.path);
      for (const file of created) assert.ok(!(file in before), `${file} was there before`);
      assert.ok(created.every((file) => file.startsWith(String(result.detected['moduleRoot'])) || MERGED.includes(file) || file.includes('/api/chat/')));

      // package.json: every byte outside the merged members kept; versions and scripts untouched.
      const packageBefore = originals['package.json']!;
      const packageAfter = await readText(root, 'package.json');
      assertOnlyMergedRegionsChanged(packageBefore, packageAfter);
      const oldManifest = JSON.parse(packageBefore);
      const newManifest = JSON.parse(packageAfter);
      for (const key of ['dependencies', 'devDependencies', 'scripts'] as const) {
        for (const [name, value] of Object.entries(oldManifest[key] ?? {})) assert.equal(newManifest[key][name], value, `${key}.${name} kept`);
      }
      assert.deepEqual(Object.keys(newManifest), [...Object.keys(oldManifest), ...Object.keys(newManifest).filter((key) => !(key in oldManifest))], 'top-level key order kept');
      assert.ok(newManifest.scripts['test:ai'], 'test:ai added');
      assert.equal(packageAfter.endsWith('\n'), packageBefore.endsWith('\n'), 'final newline as it was');

      // .gitignore and .env.example: the old text is a prefix, in the file's own line endings.
      for (const file of ['.gitignore', '.env.example']) {
        const old = originals[file];
        const now = await readText(root, file);
        if (old === undefined) continue;
        const crlf = old.includes('\r\n');
        assert.ok(now.startsWith(old), `${file}: existing text kept`);
        if (crlf) assert.doesNotMatch(now.replaceAll('\r\n', ''), /\n/, `${file}: CRLF kept for added lines`);
      }
      await assertIgnoredByGit(root);
      const envExample = await readText(root, '.env.example');
      assert.match(envExample, /^OPENAI_API_KEY=$/m);

      const again = await add(root);
      assert.equal(again.exitCode, 0, again.stderr);
      assert.deepEqual([...new Set(again.result.files.map((file) => file.action))], ['identical']);
      assert.deepEqual(await snapshotProject(root), after);

      if (!fixture.ownCheckNeedsInstall) {
        const own = await npmIn(root, fixture.ownCheck);
        assert.equal(own.exitCode, 0, own.output);
      }
    });
  });
}

describe('adding to an existing project', () => {
  for (const fixture of FIXTURES) checkFixture(fixture);

  test('a tracked .env is a loud warning, in --json too, and its values are never shown', async () => {
    const fixture = FIXTURES.find((candidate) => candidate.name === 'tracked-env')!;
    const root = await materialize(await tempDir(), fixture);
    const { result } = await add(root, ['--dry-run']);
    const security = result.warnings.filter((warning) => warning.startsWith('SECURITY:'));
    assert.equal(security.length, 2);
    assert.ok(security.some((warning) => /^SECURITY: config\/\.env\.production is tracked by git/.test(warning)), security.join('\n'));
    assert.ok(security.some((warning) => /^SECURITY: \.env is tracked by git.*git rm --cached -- \.env /.test(warning)), security.join('\n'));
    // The key is set in .env: only the key NAME was read, so it is not asked for again.
    assert.ok(!result.nextSteps.some((step) => step.includes('OPENAI_API_KEY')), result.nextSteps.join('\n'));
    assert.ok(!result.nextSteps.some((step) => step.startsWith('cp .env.example')));

    const plain = await runCli(['.', '--yes', '--no-install', '--dry-run'], { cwd: root });
    assert.match(plain.stderr, /SECURITY: \.env is tracked by git/);
    assert.ok(!plain.stdout.includes(FIXTURE_SENTINEL) && !plain.stderr.includes(FIXTURE_SENTINEL));
  });

  test('without a .env the next steps say to create one and which key to set', async () => {
    const root = await materialize(await tempDir(), FIXTURES.find((candidate) => candidate.name === 'esm-package')!);
    const { result } = await add(root, ['--dry-run', '--provider', 'anthropic']);
    assert.ok(result.nextSteps.some((step) => /^cp \.env\.example \.env .*ANTHROPIC_API_KEY/.test(step)), result.nextSteps.join('\n'));
  });

  test('a dirty work tree needs --yes without a terminal; nothing is written without it', async () => {
    const root = await materialize(await tempDir(), FIXTURES.find((candidate) => candidate.name === 'esm-package')!);
    await writeFile(path.join(root, 'index.js'), 'export const words = () => 0; // work in progress\n');
    const before = await snapshotProject(root);
    const refused = await runCli(['.', '--no-install', '--json'], { cwd: root });
    assert.equal(refused.exitCode, 2);
    assert.match(JSON.parse(refused.stdout).error.message, /uncommitted changes/);
    assert.deepEqual(await snapshotProject(root), before);
    const accepted = await add(root);
    assert.equal(accepted.exitCode, 0);
    assert.ok(accepted.result.warnings.some((warning) => /uncommitted changes.*--yes/.test(warning)));
  });

  test('a file of the user where ours would go is a conflict, never an overwrite', async () => {
    const root = await materialize(await tempDir(), FIXTURES.find((candidate) => candidate.name === 'fastify-js')!);
    await mkdir(path.join(root, 'src/secure-ai'), { recursive: true });
    await writeFile(path.join(root, 'src/secure-ai/index.ts'), '// mine\n');
    await git(root, ['add', '--all']);
    await git(root, ['commit', '--quiet', '-m', 'mine']);
    const before = await snapshotProject(root);
    const stopped = await add(root);
    assert.equal(stopped.exitCode, 3);
    assert.deepEqual(await snapshotProject(root), before);
    const skipped = await add(root, ['--conflict', 'skip']);
    assert.equal(skipped.exitCode, 0);
    assert.equal(await readText(root, 'src/secure-ai/index.ts'), '// mine\n');
    assert.equal(skipped.result.files.find((file) => file.path === 'src/secure-ai/index.ts')?.action, 'skip');
  });

  test('the package manager comes from the lockfile; a flag overrides it', async () => {
    const parent = await tempDir();
    const root = path.join(parent, 'pnpm-hono');
    await mkdir(root);
    await writeFile(path.join(root, 'package.json'), '{ "name": "pnpm-hono", "dependencies": { "hono": "^4.9.0" } }\n');
    await writeFile(path.join(root, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    const detected = await runCli(['.', '--dry-run', '--json'], { cwd: root });
    const result = JSON.parse(detected.stdout) as AddResult;
    assert.equal(result.options['packageManager'], 'pnpm');
    assert.equal(result.detected['framework'], 'hono');
    assert.deepEqual(result.steps, ['pnpm install']);
    const overridden = JSON.parse((await runCli(['.', '--dry-run', '--json', '--package-manager', 'npm', '--framework', 'none'], { cwd: root })).stdout) as AddResult;
    assert.equal(overridden.options['packageManager'], 'npm');
    assert.equal(overridden.options['framework'], 'none');
  });

  test('a dependency kept on another major than ours is a warning, and its version is not changed', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'package.json'), '{ "name": "old", "dependencies": { "express": "^4.21.2", "zod": "~3.23.8" } }\n');
    const { result } = await add(root, ['--dry-run']);
    assert.ok(result.warnings.some((warning) => /^express \^4\.21\.2 is kept as it is; the added module is tested with express 5\./.test(warning)), result.warnings.join('\n'));
    assert.ok(result.warnings.some((warning) => /^zod ~3\.23\.8 is kept/.test(warning)));
    assert.ok(!result.files.find((file) => file.path === 'package.json')?.diff?.includes('-    "express"'));
  });

  test('in a monorepo package, the lockfile at the workspace root names the package manager', async () => {
    const workspace = await tempDir();
    await git(workspace, ['init', '--quiet']);
    await writeFile(path.join(workspace, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    await writeFile(path.join(workspace, 'pnpm-workspace.yaml'), 'packages:\n  - packages/*\n');
    const root = path.join(workspace, 'packages', 'my äpp');
    await mkdir(root, { recursive: true });
    await writeFile(path.join(root, 'package.json'), '{ "name": "my-app" }\n');
    const run = await runCli(['.', '--yes', '--json', '--dry-run'], { cwd: root });
    const result = JSON.parse(run.stdout) as AddResult;
    assert.equal(result.options['packageManager'], 'pnpm');
    assert.equal(result.detected['packageManagerSource'], '../../pnpm-lock.yaml');
    assert.deepEqual(result.steps, ['pnpm install']);
  });

  test('Next.js with its pages in src/ gets the route in src/app; an existing /api/chat route is a conflict', async () => {
    const root = await tempDir();
    await mkdir(path.join(root, 'src', 'pages'), { recursive: true });
    await writeFile(path.join(root, 'package.json'), '{ "name": "pages-app", "dependencies": { "next": "16.4.6" } }\n');
    await writeFile(path.join(root, 'src', 'pages', 'index.js'), 'export default function Home() { return null; }\n');
    const { result } = await add(root, ['--dry-run']);
    assert.ok(result.files.some((file) => file.path === 'src/app/api/chat/route.ts' && file.action === 'create'));
    assert.ok(!result.files.some((file) => file.path.startsWith('app/')), 'nothing at the root, where Next.js would stop reading src/');
    assert.ok(result.nextSteps.some((step) => step.startsWith("import { createSecureAi } from './secure-ai/index';")), 'Next.js code imports, even in a CommonJS package');
    await mkdir(path.join(root, 'src', 'pages', 'api'));
    await writeFile(path.join(root, 'src', 'pages', 'api', 'chat.js'), 'export default function handler() {}\n');
    const clash = await add(root, ['--dry-run']);
    assert.equal(clash.exitCode, 3);
    assert.match(clash.result.error!.message, /src\/pages\/api\/chat\.js already answers \/api\/chat/);
  });

  test('package.json: a byte order mark is fine; a repeated key or a symbolic link is refused with exit 2', async () => {
    const bom = await tempDir();
    await writeFile(path.join(bom, 'package.json'), '\uFEFF{\n  "name": "bom"\n}\n');
    const accepted = await add(bom);
    assert.equal(accepted.exitCode, 0, accepted.stderr);
    assert.ok((await readText(bom, 'package.json')).startsWith('\uFEFF{\n  "name": "bom",\n'));

    const repeated = await tempDir();
    const text = '{ "dependencies": { "left-pad": "1.0.0" }, "dependencies": { "zod": "3.0.0" } }\n';
    await writeFile(path.join(repeated, 'package.json'), text);
    const refused = await add(repeated);
    assert.equal(refused.exitCode, 2);
    assert.match(refused.result.error!.message, /"dependencies" twice/);
    assert.equal(await readText(repeated, 'package.json'), text);

    const linked = await tempDir();
    await writeFile(path.join(linked, 'real.json'), '{ "name": "x" }\n');
    await symlink('real.json', path.join(linked, 'package.json'));
    const link = await add(linked, ['--dry-run']);
    assert.equal(link.exitCode, 2);
    assert.match(link.result.error!.message, /symbolic link/);
  });

  test('tracked env templates (.env.sample, .env.local.example) are not reported as leaks', async () => {
    const root = await materialize(await tempDir(), FIXTURES.find((candidate) => candidate.name === 'esm-package')!);
    await writeFile(path.join(root, '.env.sample'), 'OPENAI_API_KEY=\n');
    await writeFile(path.join(root, '.env.local.example'), 'OPENAI_API_KEY=\n');
    await git(root, ['add', '--force', '.env.sample', '.env.local.example']);
    await git(root, ['commit', '--quiet', '-m', 'templates']);
    const { result } = await add(root, ['--dry-run']);
    assert.deepEqual(result.warnings.filter((warning) => warning.startsWith('SECURITY:')), []);
  });
});
