import type { Options } from '../options/schema.ts';
import type { Layer } from '../layers/define-layer.ts';
import { entryOf } from '../layers/select.ts';
import type { TemplateFile } from '../templates/source.ts';
import { isTemplate, outputPathOf } from '../templates/output-path.ts';
import { renderTemplate } from '../templates/render.ts';
import type { Workspace } from '../workspace/snapshot.ts';
import { installArgs, runPrefix, scriptRunner } from '../util/package-manager.ts';
import { envExampleFor, envVariablesOf } from './env-example.ts';
import { gitignoreFor } from './gitignore.ts';
import { denoJsonFor } from './deno-json.ts';
import { denoPermissionsFor, denoReadmeContextFor } from './deno-permissions.ts';
import { packageJsonFor, scriptsFor } from './package-json.ts';
import { pyprojectFor } from './pyproject.ts';
import { assertPlanPaths } from './safe-path.ts';
import { templateContextFor } from './template-context.ts';
import { planAddition } from './add/plan-addition.ts';
import type { FileOp, Plan, PostStep } from './types.ts';

export const FIRST_COMMIT_MESSAGE = 'Initial commit from create-secure-ai-app';

/**
 * Pure: the options, the chosen layers' template files and a read-only look at the
 * target decide every byte to write and every step to run. No I/O happens here, so
 * --dry-run, --json and the real run all see the same plan.
 */
export function plan(options: Options, layers: readonly Layer[], templates: readonly TemplateFile[], workspace: Workspace): Plan {
  if (workspace.project) return planAddition(options, layers, templates, workspace);
  const variables = envVariablesOf(layers);
  // Python projects have pyproject.toml and no scripts; Deno's scripts are deno.json tasks.
  const { packageManager, runtime } = options;
  const python = runtime === 'python';
  const scripts = python ? {} : scriptsFor(layers, { run: runPrefix(scriptRunner(packageManager)), entry: entryOf(layers), ...denoPermissionsFor(layers, variables) });
  const deno = runtime === 'deno' ? denoReadmeContextFor(options, layers, variables) : undefined;
  const context = templateContextFor(options, variables, Object.keys(scripts), deno);
  const manifest: FileOp = python
    ? { type: 'create', path: 'pyproject.toml', content: pyprojectFor(options.name, layers) }
    : runtime === 'deno'
      ? { type: 'create', path: 'deno.json', content: denoJsonFor(layers, scripts) }
      : { type: 'create', path: 'package.json', content: packageJsonFor(options.name, layers, scripts) };
  const generated: FileOp[] = [
    manifest,
    { type: 'create', path: '.env.example', content: envExampleFor(variables) },
    { type: 'create', path: '.gitignore', content: gitignoreFor(layers) },
  ];
  const executables = new Set(layers.flatMap((layer) => (layer.executables ?? []).map((path) => `${layer.id}:${path}`)));
  const fromTemplates: FileOp[] = templates.map((file) => {
    const path = outputPathOf(file.path);
    return {
      type: 'create',
      path,
      content: isTemplate(file.path) ? renderTemplate(file.content.toString('utf8'), context, `${file.layer}/${file.path}`) : file.content,
      ...(executables.has(`${file.layer}:${path}`) ? { mode: 0o755 } : {}),
    };
  });

  const files = [...generated, ...fromTemplates];
  assertPlanPaths(files.map((file) => file.path));
  files.sort((a, b) => a.path.localeCompare(b.path));

  const requiredEnv = variables.filter((variable) => variable.required).map((variable) => variable.name);
  const steps: PostStep[] = [];
  if (options.install) {
    steps.push(python ? { type: 'python-env' } : { type: 'install', packageManager, args: installArgs(scriptRunner(packageManager)) });
  }
  if (options.git && !workspace.insideGitWorkTree) steps.push({ type: 'git-init', message: FIRST_COMMIT_MESSAGE });

  return { files, steps, requiredEnv };
}
