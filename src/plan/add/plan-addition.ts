import { CliError } from '../../errors.ts';
import type { Layer } from '../../layers/define-layer.ts';
import type { Options } from '../../options/schema.ts';
import type { TemplateFile } from '../../templates/source.ts';
import { isTemplate, outputPathOf } from '../../templates/output-path.ts';
import { renderTemplate } from '../../templates/render.ts';
import { installArgs, nodePackageManager, runScript } from '../../util/package-manager.ts';
import { parseJsonText } from '../../util/text-format.ts';
import type { ExistingProject } from '../../workspace/existing-project.ts';
import type { Workspace } from '../../workspace/snapshot.ts';
import { envExampleFor, envVariablesOf } from '../env-example.ts';
import { gitignoreFor } from '../gitignore.ts';
import { mergeEnvExample } from '../merge/env-example.ts';
import { mergeGitignore } from '../merge/gitignore.ts';
import { mergePackageJson } from '../merge/package-json.ts';
import { assertPlanPaths } from '../safe-path.ts';
import { templateContextFor } from '../template-context.ts';
import { addsDependencies, type AdditionSummary, type FileOp, type Plan, type PostStep } from '../types.ts';
import { relativeImportsOf, relocateImports, resolveSpecifier } from './relocate.ts';
import { wiringFor } from './wiring.ts';

/** Our one folder in someone else's project: every file we add lives under it. */
export const MODULE_FOLDER = 'secure-ai';
/** Needed only when the project's import style is not Node's own (see resolve-ts.mjs). */
const RESOLVE_HOOK = 'test/support/resolve-ts.mjs';

export const moduleRootOf = (project: ExistingProject): string =>
  project.sourceDir === '.' ? MODULE_FOLDER : `${project.sourceDir}/${MODULE_FOLDER}`;

const matches = (list: readonly string[], path: string) => list.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));

function isAdded(layer: Layer, file: TemplateFile, project: ExistingProject): boolean {
  if (layer.addOnly && !matches(layer.addOnly, file.path)) return false;
  if (layer.projectOnly && matches(layer.projectOnly, file.path)) return false;
  return file.path !== RESOLVE_HOOK || project.importStyle !== 'ts';
}

/**
 * Where a template's output lands in the project: src/ and test/ of a generated
 * project become the module folder and its checks/ (tests renamed *.check.ts, so the
 * project's own test runner, whatever it is, does not pick them up); Next.js routes
 * go to the project's app folder, where Next.js finds them.
 */
function destinationOf(outputPath: string, project: ExistingProject, moduleRoot: string): string {
  if (project.appDir && outputPath.startsWith('src/app/')) return `${project.appDir}/${outputPath.slice('src/app/'.length)}`;
  if (outputPath.startsWith('src/')) return `${moduleRoot}/${outputPath.slice('src/'.length)}`;
  if (outputPath.startsWith('test/')) return `${moduleRoot}/checks/${outputPath.slice('test/'.length).replace(/\.test\.ts$/, '.check.ts')}`;
  return `${moduleRoot}/${outputPath}`;
}

interface Placed {
  file: TemplateFile;
  from: string;
  to: string;
}

const importsOf = (entry: Placed): string[] =>
  entry.from.endsWith('.ts') ? relativeImportsOf(entry.file.content.toString('utf8')).map((specifier) => resolveSpecifier(entry.from, specifier)) : [];

/**
 * Drops tests that need a file an addition leaves out (e.g. a test that starts the
 * project's server), until every remaining import is satisfied; then drops test
 * support no remaining test uses. A module file with a missing import is a bug in the
 * layers, not something to drop quietly.
 */
function withImportsSatisfied(placed: Placed[]): Placed[] {
  let kept = placed;
  for (;;) {
    const paths = new Set(kept.map((entry) => entry.from));
    const broken = kept.filter((entry) => importsOf(entry).some((target) => !paths.has(target)));
    if (broken.length === 0) break;
    const module = broken.find((entry) => !entry.from.startsWith('test/'));
    if (module) throw new Error(`${module.file.layer}/${module.file.path} imports a file an addition leaves out`);
    kept = kept.filter((entry) => !broken.includes(entry));
  }
  const byPath = new Map(kept.map((entry) => [entry.from, entry]));
  const reachable = new Set<string>();
  const visit = (path: string) => {
    if (reachable.has(path)) return;
    reachable.add(path);
    for (const target of importsOf(byPath.get(path)!)) visit(target);
  };
  // Roots: everything but TypeScript test support (the hook .mjs is loaded by a script, not imported).
  for (const entry of kept) if (!entry.from.startsWith('test/support/') || !entry.from.endsWith('.ts')) visit(entry.from);
  return kept.filter((entry) => reachable.has(entry.from));
}

const majorOf = (range: string): string | undefined => /^[\^~>=v\s]*(\d+)[.\sx*]?/.exec(range)?.[1];

/**
 * The project keeps its own version of a dependency we also use; when its range is on
 * another major than the one our module is tested with, say so rather than change it.
 */
function olderMajorsKept(packageJsonText: string, wanted: Readonly<Record<string, string>>): string[] {
  const manifest = parseJsonText(packageJsonText) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const existing = { ...manifest.devDependencies, ...manifest.dependencies };
  return Object.entries(wanted).flatMap(([name, version]) => {
    const range = existing[name];
    const kept = range === undefined ? undefined : majorOf(range);
    return kept !== undefined && kept !== majorOf(version)
      ? [`${name} ${range} is kept as it is; the added module is tested with ${name} ${version}. If \`test:ai\` fails, upgrade ${name}.`]
      : [];
  });
}

/** Our own tsconfig for projects that have none of their own (JavaScript projects). */
function moduleTsconfig(templates: readonly TemplateFile[]): string {
  const runtimeConfig = templates.find((file) => file.layer === 'runtime/node' && file.path === 'tsconfig.json');
  if (!runtimeConfig) throw new Error('runtime/node/tsconfig.json is missing');
  const config = JSON.parse(runtimeConfig.content.toString('utf8')) as { include?: string[] };
  return `${JSON.stringify({ ...config, include: ['.'] }, null, 2)}\n`;
}

/**
 * Pure: what adding the module to `workspace.project` writes and merges. Only files of
 * our own (under one folder, plus a Next.js route) are created; the shared files are
 * merged from the text read at snapshot time, so --dry-run can show every change.
 */
export function planAddition(options: Options, layers: readonly Layer[], templates: readonly TemplateFile[], workspace: Workspace): Plan {
  const project = workspace.project!;
  const packageManager = nodePackageManager(options.packageManager);
  if (options.framework === 'nextjs' && project.pagesChatRoute) {
    throw new CliError('conflict', `${project.pagesChatRoute} already answers /api/chat, where the chat route would go; nothing was written`, [
      'Move that route, or add the module with --framework none and call createSecureAi() from your own route.',
    ]);
  }
  const moduleRoot = moduleRootOf(project);
  const variables = envVariablesOf(layers);
  const layerById = new Map(layers.map((layer) => [layer.id, layer]));

  const nodeFlags = [
    ...(project.importStyle === 'ts' ? [] : [`--import ./${moduleRoot}/checks/support/resolve-ts.mjs`]),
    ...layers.flatMap((layer) => layer.testNodeFlags ?? []),
  ];
  // A JavaScript project has no type-checker of its own for our TypeScript; Next.js
  // type-checks every .ts file in its build (and writes a tsconfig.json if missing).
  const ownTypecheck = !project.typescript && options.framework !== 'nextjs';
  const scripts: Record<string, string> = {
    'test:ai': ['node', ...nodeFlags, '--test', '--test-concurrency=1', `"${moduleRoot}/checks/**/*.check.ts"`].join(' '),
    ...(ownTypecheck ? { 'typecheck:ai': `tsc --noEmit -p ${moduleRoot}/tsconfig.json` } : {}),
  };
  const skippedDevDependencies = new Set(layers.flatMap((layer) => layer.projectOnlyDevDependencies ?? []));
  const wantedDependencies: Record<string, string> = Object.assign({}, ...layers.map((layer) => layer.dependencies ?? {}));
  const merged = mergePackageJson(project.packageJsonText, {
    dependencies: wantedDependencies,
    devDependencies: Object.fromEntries(
      Object.entries(Object.assign({}, ...layers.map((layer) => layer.devDependencies ?? {})) as Record<string, string>).filter(([name]) => !skippedDevDependencies.has(name)),
    ),
    scripts,
  });

  const addition: AdditionSummary = {
    moduleRoot,
    dependencies: merged.added.dependencies,
    devDependencies: merged.added.devDependencies,
    wiring: wiringFor(project, options.framework, moduleRoot),
    testCommand: runScript(packageManager, 'test:ai'),
    warnings: olderMajorsKept(project.packageJsonText, wantedDependencies),
  };
  const context = {
    ...templateContextFor(options, variables, Object.keys(scripts)),
    addition: { ...addition, typecheckCommand: scripts['typecheck:ai'] ? runScript(packageManager, 'typecheck:ai') : '' },
  };

  const placed = withImportsSatisfied(
    templates
      .filter((file) => isAdded(layerById.get(file.layer)!, file, project))
      .map((file) => {
        const from = outputPathOf(file.path);
        return { file, from, to: destinationOf(from, project, moduleRoot) };
      }),
  );
  const moved = new Map(placed.map((entry) => [entry.from, entry.to]));
  const files: FileOp[] = placed.map(({ file, from, to }) => ({
    type: 'create',
    path: to,
    content: isTemplate(file.path)
      ? renderTemplate(file.content.toString('utf8'), context, `${file.layer}/${file.path}`)
      : to.endsWith('.ts')
        ? relocateImports(file.content.toString('utf8'), from, to, moved, project.importStyle)
        : file.content,
  }));
  if (ownTypecheck) files.push({ type: 'create', path: `${moduleRoot}/tsconfig.json`, content: moduleTsconfig(templates) });
  // Node decides a .ts file's module format from the nearest package.json, and runs
  // ours as they are in a JavaScript project: they are ESM. (Where the project's build
  // compiles them, it picks the format, and the test hook tells Node for the checks.)
  if (project.importStyle === 'ts' && project.moduleType === 'commonjs') {
    files.push({ type: 'create', path: `${moduleRoot}/package.json`, content: '{\n  "type": "module"\n}\n' });
  }

  const gitignore = workspace.mergedFiles?.['.gitignore'];
  const envExample = workspace.mergedFiles?.['.env.example'];
  const secretSections = layers.flatMap((layer) => layer.gitignore ?? []).filter((section) => section.secrets);
  files.push(
    { type: 'merge', path: 'package.json', base: project.packageJsonText, content: merged.content },
    { type: 'merge', path: '.gitignore', base: gitignore, content: gitignore === undefined ? gitignoreFor([{ id: 'secrets', gitignore: secretSections }]) : mergeGitignore(gitignore, secretSections) },
    { type: 'merge', path: '.env.example', base: envExample, content: envExample === undefined ? envExampleFor(variables) : mergeEnvExample(envExample, variables) },
  );
  assertPlanPaths(files.map((file) => file.path));
  files.sort((a, b) => a.path.localeCompare(b.path));

  const steps: PostStep[] = options.install && addsDependencies(addition) ? [{ type: 'install', packageManager, args: installArgs(packageManager) }] : [];
  const requiredEnv = variables.filter((variable) => variable.required && !workspace.envKeys?.has(variable.name)).map((variable) => variable.name);
  return { files, steps, requiredEnv, addition };
}
