import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse as parseToml } from 'smol-toml';
import { FRAMEWORKS_BY_RUNTIME, PACKAGE_MANAGERS_BY_RUNTIME, PROVIDERS, type Runtime } from '../../src/options/catalog.ts';
import { parseOptions, type Options } from '../../src/options/schema.ts';
import { layersFor } from '../../src/layers/select.ts';
import { VERSIONS } from '../../src/layers/versions.ts';
import { anthropicLayer } from '../../src/layers/providers.ts';
import { plan } from '../../src/plan/plan.ts';
import { assertSafeRelativePath } from '../../src/plan/safe-path.ts';
import { loadTemplates } from '../../src/templates/source.ts';
import { renderTemplate } from '../../src/templates/render.ts';
import type { Workspace } from '../../src/workspace/snapshot.ts';
import { TEMPLATES } from '../support/paths.ts';

const workspace: Workspace = { targetDir: '/tmp/x/app', exists: false, isCurrentDirectory: false, insideGitWorkTree: false };

const optionsFor = (overrides: Partial<Options>): Options =>
  parseOptions({ directory: 'app', name: 'app', runtime: 'node', framework: 'none', provider: 'openai', packageManager: 'npm', install: true, git: true, conflict: 'abort', ...overrides });

async function planFor(overrides: Partial<Options>) {
  const options = optionsFor(overrides);
  const layers = layersFor(options);
  const templates = await loadTemplates(TEMPLATES, layers.map((layer) => layer.id));
  const result = plan(options, layers, templates, workspace);
  const text = (path: string) => {
    const file = result.files.find((candidate) => candidate.path === path);
    assert.ok(file, `${path} is planned`);
    return file.content.toString();
  };
  return { options, layers, result, text };
}

const combinations = Object.entries(FRAMEWORKS_BY_RUNTIME).flatMap(([runtime, frameworks]) =>
  frameworks.flatMap((framework) =>
    PROVIDERS.map((provider) => ({ runtime, framework, provider, packageManager: PACKAGE_MANAGERS_BY_RUNTIME[runtime as Runtime][0] }) as Pick<Options, 'runtime' | 'framework' | 'provider' | 'packageManager'>),
  ),
);

describe('plan of every combination', () => {
  for (const combination of combinations) {
    test(`${combination.runtime}/${combination.framework}/${combination.provider}`, async () => {
      const { layers, result, text } = await planFor(combination);
      for (const file of result.files) assertSafeRelativePath(file.path);

      const exampleKeys = text('.env.example').split('\n').filter((line) => line && !line.startsWith('#'));
      const paths = result.files.map((file) => file.path);
      if (combination.runtime === 'python') assertPythonManifest(text('pyproject.toml'), paths);
      else if (combination.runtime === 'deno') assertDenoManifest(text('deno.json'), paths, exampleKeys.map((line) => line.slice(0, -1)), combination);
      else assertPackageJson(text('package.json'), combination.runtime);

      assert.ok(exampleKeys.every((line) => /^[A-Z][A-Z0-9_]*=$/.test(line)), 'every value in .env.example is empty');
      assert.deepEqual(exampleKeys.map((line) => line.slice(0, -1)).sort(), layers.flatMap((layer) => layer.env ?? []).map((variable) => variable.name).sort());
      const comments = text('.env.example').split('\n');
      for (const [index, line] of comments.entries()) if (/^[A-Z]/.test(line)) assert.match(comments[index - 1] ?? '', /^# \S/, `${line} has a comment`);

      const gitignore = text('.gitignore').split('\n');
      assert.ok(gitignore.indexOf('!.env.example') > gitignore.indexOf('.env.*'));
      for (const file of result.files) assert.ok(!/^\.env($|\.(?!example$))/.test(file.path), `no ${file.path} is generated`);
      assert.match(text('README.md'), /## Rotating a key/);
      for (const variable of exampleKeys) assert.ok(text('README.md').includes(`\`${variable.slice(0, -1)}\``));
      assert.deepEqual(result.steps.map((step) => step.type), [combination.runtime === 'python' ? 'python-env' : 'install', 'git-init']);
    });
  }
});

const SCRIPTS = ['start', 'dev', 'test', 'typecheck', 'scan:secrets', 'check'];

function assertPackageJson(packageJson: string, runtime: string) {
  const manifest = JSON.parse(packageJson);
  // Each runtime states only its own engine: a Bun project does not need Node.
  assert.deepEqual(manifest.engines, runtime === 'bun' ? { bun: VERSIONS.bun } : { node: VERSIONS.node });
  for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
    assert.match(String(version), /^\d+\.\d+\.\d+$/, `${name} is pinned exactly`);
  }
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts[hook], undefined);
  for (const script of SCRIPTS) assert.ok(manifest.scripts[script], script);
  const pm = runtime === 'bun' ? 'bun' : 'npm';
  assert.equal(manifest.scripts.check, `${pm} run typecheck && ${pm} run test && ${pm} run scan:secrets`);
}

/** The flags of a deno task, e.g. `--allow-env=A,B` -> allow-env: [A, B]. */
const denoFlags = (task: string) =>
  new Map(task.split(' ').filter((word) => word.startsWith('--allow-') || word === '-A').map((word) => [word.split('=')[0]!, word.split('=')[1]?.split(',') ?? []]));

function assertDenoManifest(denoJson: string, paths: readonly string[], schemaVariables: readonly string[], { framework, provider }: { framework: string; provider: string }) {
  const manifest = JSON.parse(denoJson) as { imports: Record<string, string>; tasks: Record<string, string> };
  for (const [name, target] of Object.entries(manifest.imports)) assert.equal(target, `npm:${name}${/@\d+\.\d+\.\d+$/.exec(target)?.[0] ?? '@?'}`, `${name} is an exact npm: import`);
  for (const script of SCRIPTS) assert.ok(manifest.tasks[script], script);
  for (const task of ['start', 'dev']) {
    const flags = denoFlags(manifest.tasks[task]!);
    assert.deepEqual([...flags.keys()].sort(), ['--allow-env', '--allow-net'], `${task}: only net and env, nothing more`);
    const extras: readonly string[] = provider === 'anthropic' ? anthropicLayer.libraryEnv : [];
    assert.deepEqual(flags.get('--allow-env')!.filter((name) => !extras.includes(name)).sort(), [...schemaVariables].sort(), `${task}: exactly the schema's variables`);
    const host = { openai: 'api.openai.com', anthropic: 'api.anthropic.com', 'openai-compatible': '127.0.0.1:11434' }[provider];
    assert.deepEqual(flags.get('--allow-net'), framework === 'none' ? [host] : [host, '127.0.0.1:3000'], `${task}: the provider and the listen address only`);
  }
  for (const nodeOnly of ['package.json', '.npmrc', 'tsconfig.json']) assert.ok(!paths.includes(nodeOnly), `no ${nodeOnly}`);
}

function assertPythonManifest(pyprojectText: string, paths: readonly string[]) {
  const pyproject = parseToml(pyprojectText) as {
    project: { 'requires-python': string; dependencies: string[]; 'optional-dependencies': { dev: string[] } };
    'build-system': { requires: string[] };
  };
  assert.equal(pyproject.project['requires-python'], '>=3.10');
  const requirements = [...pyproject.project.dependencies, ...pyproject.project['optional-dependencies'].dev, ...pyproject['build-system'].requires];
  for (const requirement of requirements) assert.match(requirement, /^[a-z][a-z0-9-]*==\d+\.\d+\.\d+(; .+)?$/, `${requirement} is pinned exactly`);
  assert.deepEqual(pyproject.project['optional-dependencies'].dev.map((requirement) => requirement.split('==')[0]), ['pytest', 'ruff']);
  for (const nodeOnly of ['package.json', '.npmrc', '.secretlintrc.json', 'tsconfig.json']) assert.ok(!paths.includes(nodeOnly), `no ${nodeOnly}`);
}

describe('values reach their files escaped', () => {
  test('a scoped name with Markdown characters', async () => {
    const { text } = await planFor({ name: '@my_org/my_app' });
    assert.equal(JSON.parse(text('package.json')).name, '@my_org/my_app');
    assert.match(text('README.md'), /^# @my\\_org\/my\\_app$/m);
  });

  test('a Python project name lands in pyproject.toml as a TOML string, and the README escapes it', async () => {
    const { text } = await planFor({ runtime: 'python', packageManager: 'pip', name: 'my_app.v2' });
    assert.equal((parseToml(text('pyproject.toml')) as { project: { name: string } }).project.name, 'my_app.v2');
    assert.match(text('README.md'), /^# my\\_app\.v2$/m);
  });

  test('strict rendering refuses an unknown variable instead of printing nothing', () => {
    assert.throws(() => renderTemplate('{{nope}}', {}, 't.hbs'), /t\.hbs failed to render/);
  });

  test('a value is never interpreted as template syntax', () => {
    assert.equal(renderTemplate('{{json value}}', { value: '{{x}}"\n' }, 't.hbs'), '"{{x}}\\"\\n"');
  });
});

describe('plan paths', () => {
  for (const bad of ['', '/etc/passwd', '../x', 'a/../../x', 'a//b', 'C:/x', 'a\\b', 'a\u0000b', './a']) {
    test(`refuses ${JSON.stringify(bad)}`, () => assert.throws(() => assertSafeRelativePath(bad), /refusing plan path/));
  }
  test('a post step list without git inside an existing work tree', async () => {
    const options = optionsFor({ install: false });
    const layers = layersFor(options);
    const result = plan(options, layers, await loadTemplates(TEMPLATES, layers.map((l) => l.id)), { ...workspace, insideGitWorkTree: true });
    assert.deepEqual(result.steps, []);
  });
});

describe('template sources', () => {
  test('caches Python leaves beside a template are never read as template files', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'csaa-templates-'));
    const layer = path.join(root, 'python', 'runtime');
    await mkdir(path.join(layer, 'src', 'app', '__pycache__'), { recursive: true });
    await mkdir(path.join(layer, '.ruff_cache'), { recursive: true });
    await writeFile(path.join(layer, 'src', 'app', '__init__.py'), '');
    await writeFile(path.join(layer, 'src', 'app', '__pycache__', '__init__.cpython-311.pyc'), 'x');
    await writeFile(path.join(layer, 'src', 'app', 'stray.pyc'), 'x');
    await writeFile(path.join(layer, '.ruff_cache', 'CACHEDIR.TAG'), 'x');
    const files = await loadTemplates(root, ['python/runtime']);
    assert.deepEqual(files.map((file) => file.path), ['src/app/__init__.py']);
  });
});
