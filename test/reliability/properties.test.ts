import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CliError } from '../../src/errors.ts';
import { layersFor } from '../../src/layers/select.ts';
import { parse as parseToml } from 'smol-toml';
import { FRAMEWORKS_BY_RUNTIME, PACKAGE_MANAGERS_BY_RUNTIME, PROVIDERS, type Framework, type Runtime } from '../../src/options/catalog.ts';
import { packageNameProblem, pythonProjectNameProblem } from '../../src/options/names.ts';
import { parseOption, parseOptions } from '../../src/options/schema.ts';
import { mergePackageJson } from '../../src/plan/merge/package-json.ts';
import { plan } from '../../src/plan/plan.ts';
import { loadTemplates, type TemplateFile } from '../../src/templates/source.ts';
import { TEMPLATES } from '../support/paths.ts';

const templateCache = new Map<string, TemplateFile[]>();
async function planFor(name: string, framework: Framework, provider: (typeof PROVIDERS)[number], runtime: Runtime = 'node') {
  const packageManager = PACKAGE_MANAGERS_BY_RUNTIME[runtime][0];
  const options = parseOptions({ directory: 'app', name, runtime, framework, provider, packageManager, install: false, git: false, conflict: 'abort' });
  const layers = layersFor(options);
  const key = `${runtime}/${framework}/${provider}`;
  if (!templateCache.has(key)) templateCache.set(key, await loadTemplates(TEMPLATES, layers.map((layer) => layer.id)));
  return plan(options, layers, templateCache.get(key)!, { targetDir: '/x/app', exists: false, isCurrentDirectory: false, insideGitWorkTree: false });
}

/** Names npm accepts, scoped or not, built from every character npm allows. */
const validName = fc
  .tuple(fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,12}$/), { nil: undefined }), fc.stringMatching(/^[a-z0-9][a-z0-9._~-]{0,30}$/))
  .map(([scope, base]) => (scope ? `@${scope}/${base}` : base))
  .filter((name) => packageNameProblem(name) === undefined);

const RUNS = { numRuns: 150, seed: 20261130 };

describe('properties over generated input (fast-check)', () => {
  test('any valid name: package.json parses with exactly that name, and no TypeScript file depends on the name', async () => {
    const reference = await planFor('reference-name', 'express', 'openai');
    const referenceTs = new Map(reference.files.filter((file) => file.path.endsWith('.ts')).map((file) => [file.path, file.content.toString()]));
    await fc.assert(
      fc.asyncProperty(validName, fc.constantFrom(...FRAMEWORKS_BY_RUNTIME.node), fc.constantFrom(...PROVIDERS), async (name, framework, provider) => {
        const result = await planFor(name, framework, provider);
        const manifest = JSON.parse(result.files.find((file) => file.path === 'package.json')!.content.toString());
        assert.equal(manifest.name, name);
        // The README title is the name as Markdown text: unescaped, it is the name again, on one line.
        const title = result.files.find((file) => file.path === 'README.md')!.content.toString().split('\n')[0]!;
        assert.equal(title.replace(/^# /, '').replace(/\\(.)/g, '$1'), name);
        if (framework === 'express' && provider === 'openai') {
          for (const file of result.files.filter((candidate) => candidate.path.endsWith('.ts'))) {
            assert.equal(file.content.toString(), referenceTs.get(file.path), `${file.path} changed with the name, so the matrix's type-check would not cover it`);
          }
        }
      }),
      RUNS,
    );
  });

  test('any valid Python name: pyproject.toml parses with exactly that name, and no Python file depends on the name', async () => {
    const reference = await planFor('reference-name', 'fastapi', 'openai', 'python');
    const referencePy = new Map(reference.files.filter((file) => file.path.endsWith('.py')).map((file) => [file.path, file.content.toString()]));
    await fc.assert(
      fc.asyncProperty(validName.filter((name) => pythonProjectNameProblem(name) === undefined), fc.constantFrom(...FRAMEWORKS_BY_RUNTIME.python), fc.constantFrom(...PROVIDERS), async (name, framework, provider) => {
        const result = await planFor(name, framework, provider, 'python');
        const pyproject = parseToml(result.files.find((file) => file.path === 'pyproject.toml')!.content.toString()) as { project: { name: string } };
        assert.equal(pyproject.project.name, name);
        const title = result.files.find((file) => file.path === 'README.md')!.content.toString().split('\n')[0]!;
        assert.equal(title.replace(/^# /, '').replace(/\\(.)/g, '$1'), name);
        if (framework === 'fastapi' && provider === 'openai') {
          for (const file of result.files.filter((candidate) => candidate.path.endsWith('.py'))) {
            assert.equal(file.content.toString(), referencePy.get(file.path), `${file.path} changed with the name, so the matrix would not cover it`);
          }
        }
      }),
      RUNS,
    );
  });

  test('any string as --name or directory: accepted, or refused with a usage error; never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('..', '/', '.', '~', 'a\u0000b', '{{x}}', '$(id)', 'a'.repeat(214), 'a'.repeat(215))), (value) => {
        for (const key of ['name', 'directory'] as const) {
          try {
            parseOption(key, value);
          } catch (error) {
            assert.ok(error instanceof CliError && error.code === 'usage', `${key} ${JSON.stringify(value)} threw ${String(error)}`);
            assert.doesNotMatch(error.message, /\n/, 'one line');
          }
        }
      }),
      { numRuns: 2_000, seed: 20261130 },
    );
  });

  test('merging into any package.json keeps it valid JSON, keeps every existing key and value, and is idempotent', () => {
    const dependencies = fc.dictionary(fc.stringMatching(/^[a-z@][a-z0-9./_-]{0,12}$/), fc.string({ maxLength: 12 }), { maxKeys: 4 });
    const manifest = fc.record(
      {
        name: fc.string({ unit: 'grapheme', maxLength: 20 }),
        description: fc.string({ unit: 'binary', maxLength: 30 }),
        scripts: dependencies,
        dependencies,
        devDependencies: dependencies,
        extra: fc.jsonValue({ maxDepth: 3 }),
      },
      { requiredKeys: [] },
    );
    const wanted = { dependencies: { zod: '4.6.7', openai: '7.59.0' }, devDependencies: { typescript: '7.0.2' }, scripts: { 'test:ai': 'node --test "x/**/*.check.ts"' } };
    fc.assert(
      fc.property(manifest, fc.constantFrom(0, 2, 4, '\t'), fc.boolean(), fc.boolean(), (value, indent, crlf, finalNewline) => {
        let text = JSON.stringify(value, null, indent);
        if (crlf) text = text.replaceAll('\n', '\r\n');
        if (finalNewline) text += crlf ? '\r\n' : '\n';
        const { content } = mergePackageJson(text, wanted);
        const merged = JSON.parse(content) as Record<string, Record<string, string>>;
        // What the file says (JSON has no -0), not the generator's object.
        for (const [key, original] of Object.entries(JSON.parse(text) as Record<string, unknown>)) {
          if (key === 'scripts' || key === 'dependencies' || key === 'devDependencies') {
            for (const [name, version] of Object.entries(original as Record<string, string>)) assert.equal(merged[key]![name], version);
          } else assert.deepEqual(merged[key], original);
        }
        const theirs = (JSON.parse(text) as { scripts?: Record<string, string> }).scripts?.['test:ai'];
        assert.equal(merged['scripts']!['test:ai'], theirs ?? wanted.scripts['test:ai'], 'our script added, theirs kept');
        assert.equal(mergePackageJson(content, wanted).content, content, 'a second merge changes nothing');
        assert.equal(content.endsWith('\n'), finalNewline || text.endsWith('\n'));
      }),
      RUNS,
    );
  });
});
