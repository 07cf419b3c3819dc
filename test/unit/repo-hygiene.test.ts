import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { PACKAGE_MANAGERS_BY_RUNTIME, type NodePackageManager } from '../../src/options/catalog.ts';
import { parseOptions } from '../../src/options/schema.ts';
import { layersFor } from '../../src/layers/select.ts';
import { plan } from '../../src/plan/plan.ts';
import { loadTemplates } from '../../src/templates/source.ts';
import { REPO_ROOT, TEMPLATES } from '../support/paths.ts';
import { CI_RUNTIME_PACKAGES } from '../../src/plan/ci-context.ts';

async function filesFor(packageManager: string, runtime = 'node') {
  const options = parseOptions({ directory: 'app', name: 'app', runtime, framework: 'none', provider: 'openai', packageManager, install: true, git: true, conflict: 'abort' });
  const layers = layersFor(options);
  const result = plan(options, layers, await loadTemplates(TEMPLATES, layers.map((layer) => layer.id)), { targetDir: '/x/app', exists: false, isCurrentDirectory: false, insideGitWorkTree: false });
  return (path: string) => {
    const file = result.files.find((candidate) => candidate.path === path);
    assert.ok(file?.type === 'create', path);
    return file;
  };
}

describe('repository hygiene of every generated project', () => {
  for (const packageManager of PACKAGE_MANAGERS_BY_RUNTIME.node as readonly NodePackageManager[]) {
    test(`CI workflow, Dependabot and the pre-commit hook (${packageManager})`, async () => {
      const file = await filesFor(packageManager);
      const workflow = parse(file('.github/workflows/ci.yml').content.toString());
      assert.deepEqual(workflow.permissions, { contents: 'read' });
      const steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] = workflow.jobs.check.steps;
      for (const step of steps.filter((candidate) => candidate.uses)) assert.match(step.uses!, /^[\w-]+\/[\w-]+@[0-9a-f]{40}$/, 'actions pinned to a full commit SHA');
      assert.equal(steps[0]?.with?.['persist-credentials'], false);
      const runs = steps.map((step) => step.run).filter(Boolean);
      const frozen = { npm: 'npm ci', pnpm: 'pnpm install --frozen-lockfile', yarn: 'yarn install --immutable', bun: 'bun install --frozen-lockfile' }[packageManager];
      assert.ok(runs.includes(frozen), `installs from the lockfile with ${frozen}`);
      assert.ok(runs.includes(`${packageManager} run check`));
      assert.ok(runs.some((run) => /audit.*high/.test(run!)));

      const dependabot = parse(file('.github/dependabot.yml').content.toString());
      const ecosystems = dependabot.updates.map((update: { 'package-ecosystem': string }) => update['package-ecosystem']);
      assert.deepEqual(ecosystems, [packageManager === 'bun' ? 'bun' : 'npm', 'github-actions']);
      for (const update of dependabot.updates) assert.ok(update.cooldown['default-days'] >= 1);

      const hook = file('.githooks/pre-commit');
      assert.equal(hook.mode, 0o755);
      assert.match(hook.content.toString(), /^#!\/bin\/sh\n/);
      assert.match(hook.content.toString(), /secretlint/);
    });
  }

  for (const runtime of ['bun', 'deno'] as const) {
    test(`CI workflow, Dependabot and the pre-commit hook (${runtime} runtime)`, async () => {
      const file = await filesFor(runtime, runtime);
      const workflow = parse(file('.github/workflows/ci.yml').content.toString());
      const steps: { uses?: string; run?: string }[] = workflow.jobs.check.steps;
      for (const step of steps.filter((candidate) => candidate.uses)) assert.match(step.uses!, /^[\w-]+\/[\w-]+@[0-9a-f]{40}$/, 'actions pinned to a full commit SHA');
      const runs = steps.map((step) => step.run).filter(Boolean);
      // The runtime itself comes from the npm registry at an exact version.
      assert.match(CI_RUNTIME_PACKAGES[runtime], new RegExp(`^${runtime}@\\d+\\.\\d+\\.\\d+$`), 'an exact version');
      assert.deepEqual(runs, runtime === 'bun'
        ? [`npm install --global ${CI_RUNTIME_PACKAGES.bun}`, 'bun install --frozen-lockfile', 'bun run check', 'bun audit --audit-level=high']
        : [`npm install --global ${CI_RUNTIME_PACKAGES.deno}`, 'deno install --frozen', 'deno task check', 'deno audit --level=high']);
      // The generator's own tests run generated projects on the same versions (scripts/ensure-tools.mjs).
      assert.ok((await readFile(path.join(REPO_ROOT, 'scripts', 'ensure-tools.mjs'), 'utf8')).includes(`spec: '${CI_RUNTIME_PACKAGES[runtime]}'`));
      const dependabot = parse(file('.github/dependabot.yml').content.toString());
      // Dependabot has no ecosystem for deno.json; the README says `deno outdated` instead.
      assert.deepEqual(dependabot.updates.map((update: { 'package-ecosystem': string }) => update['package-ecosystem']), runtime === 'bun' ? ['bun', 'github-actions'] : ['github-actions']);
      const hook = file('.githooks/pre-commit').content.toString();
      assert.match(hook, runtime === 'bun' ? /xargs -0 bun run secretlint --secretlintignore \.gitignore; then$/m : /xargs -0 deno run --allow-read --allow-env --allow-sys npm:secretlint@13\.0\.6 --secretlintignore \.gitignore; then$/m);
    });
  }

  test('CI workflow, Dependabot and the pre-commit hook (Python)', async () => {
    const file = await filesFor('pip', 'python');
    const workflow = parse(file('.github/workflows/ci.yml').content.toString());
    assert.deepEqual(workflow.permissions, { contents: 'read' });
    const steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] = workflow.jobs.check.steps;
    for (const step of steps.filter((candidate) => candidate.uses)) assert.match(step.uses!, /^[\w-]+\/[\w-]+@[0-9a-f]{40}$/, 'actions pinned to a full commit SHA');
    assert.deepEqual(steps.map((step) => step.uses?.split('@')[0]).filter(Boolean), ['actions/checkout', 'actions/setup-python']);
    assert.deepEqual(workflow.jobs.check.strategy.matrix['python-version'], ['3.10', '3.13'], 'the oldest supported Python and a current one');
    assert.equal(steps[1]?.with?.['python-version'], '${{ matrix.python-version }}');
    const runs = steps.map((step) => step.run).filter(Boolean);
    assert.deepEqual(runs, [
      'python -m pip install --editable ".[dev]"',
      'ruff check . && ruff format --check . && pytest',
      'python -m pip install pip-audit==2.9.0 && pip-audit --skip-editable',
    ]);
    const dependabot = parse(file('.github/dependabot.yml').content.toString());
    assert.deepEqual(dependabot.updates.map((update: { 'package-ecosystem': string }) => update['package-ecosystem']), ['pip', 'github-actions']);
    const hook = file('.githooks/pre-commit');
    assert.equal(hook.mode, 0o755);
    assert.match(hook.content.toString(), /xargs -0 python3 tools\/scan_secrets\.py; then$/m);
  });
});
