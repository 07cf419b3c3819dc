import { applyPlan, type Applied } from '../apply/apply.ts';
import { preflight, type Classified } from '../apply/preflight.ts';
import { resolveConflicts, type Resolved } from '../apply/resolve-conflicts.ts';
import { CliError, usageError } from '../errors.ts';
import { layersFor } from '../layers/select.ts';
import { resolveDirectory, resolveOptions, type Prompter } from '../options/resolve.ts';
import type { Options } from '../options/schema.ts';
import { plan } from '../plan/plan.ts';
import type { Plan, PostStep } from '../plan/types.ts';
import type { DetectedProject, Reporter, RunResult } from '../report/result.ts';
import { initGitRepository } from '../steps/git.ts';
import { installDependencies } from '../steps/install.ts';
import { nodeOnPathProblem } from '../steps/node-on-path.ts';
import { nextStepsFor } from '../plan/next-steps.ts';
import { moduleRootOf } from '../plan/add/plan-addition.ts';
import { defaultTemplatesRoot, loadTemplates } from '../templates/source.ts';
import { installCommand, scriptRunner } from '../util/package-manager.ts';
import { PACKAGE_MANAGERS_BY_RUNTIME } from '../options/catalog.ts';
import { pythonSetupLine, VENV_DIR } from '../util/python-commands.ts';
import { createPythonEnvironment } from '../steps/python-env.ts';
import { shellQuote } from '../util/shell-quote.ts';
import { LOCKFILES } from '../workspace/existing-project.ts';
import { snapshotWorkspace, type Workspace } from '../workspace/snapshot.ts';
import { helpText } from './help.ts';
import { chooseReporter, isInteractive } from './mode.ts';
import { parseCommandLine } from './parse-args.ts';
import { onInterrupt } from './interrupt.ts';

export interface RunEnvironment {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdinIsTTY: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  version: string;
  nodeVersion: string;
  templatesRoot?: string;
}

function describeStep(step: PostStep): string {
  if (step.type === 'install') return [step.packageManager, ...step.args].join(' ');
  if (step.type === 'python-env') return pythonSetupLine();
  return 'git init and first commit';
}

function detectedOf(workspace: Workspace): DetectedProject | undefined {
  const project = workspace.project;
  if (!project) return undefined;
  const { framework, typescript, moduleType, sourceDir, packageManager, packageManagerSource, importStyle } = project;
  return { framework, typescript, moduleType, sourceDir, packageManager, packageManagerSource, importStyle, moduleRoot: moduleRootOf(project) };
}

/** The report; what is left for the user follows from the steps that ran (or, dry, would run). */
function resultOf(options: Options, workspace: Workspace, thePlan: Plan, files: RunResult['files'], steps: readonly PostStep[], dryRun: boolean, warnings: string[]): RunResult {
  const detected = detectedOf(workspace);
  return {
    ok: true,
    mode: workspace.project ? 'add' : 'create',
    dryRun,
    directory: workspace.targetDir,
    options,
    ...(detected ? { detected } : {}),
    files,
    steps: steps.map(describeStep),
    nextSteps: nextStepsFor({
      options,
      requiredEnv: thePlan.requiredEnv,
      isCurrentDirectory: workspace.isCurrentDirectory,
      installed: steps.some((step) => step.type === 'install' || step.type === 'python-env'),
      hasEnvFile: workspace.envKeys !== undefined,
      ...(thePlan.addition ? { addition: thePlan.addition } : {}),
    }),
    warnings,
  };
}

const reportOf = (path: string, action: RunResult['files'][number]['action'], diff: string | undefined) => ({ path, action, ...(diff ? { diff } : {}) });
const dryRunFiles = (classified: readonly Classified[]) => classified.map((entry) => reportOf(entry.op.path, entry.action, entry.diff));
const finalFiles = (resolved: readonly Resolved[]) => resolved.map((entry) => reportOf(entry.path, entry.action, entry.classified.diff));

/** Loud warnings about the existing project, shown before anything is written. */
function warnAboutProject(workspace: Workspace, commandLine: { flags: { git?: boolean } }, reporter: Reporter): void {
  if (!workspace.project) return;
  for (const file of workspace.git?.trackedEnvFiles ?? []) {
    reporter.warn(`SECURITY: ${file} is tracked by git, so its secrets are in the repository history. Run: git rm --cached -- ${shellQuote(file)}  then rotate every key it held.`);
  }
  if (commandLine.flags.git) reporter.warn('--git is ignored: adding to an existing project never runs git init or commits.');
}

/**
 * Uncommitted changes would mix with ours in the user's next diff. A person is asked;
 * a script must say --yes, since nobody is there to tell the changes apart.
 */
async function confirmDirtyWorkTree(workspace: Workspace, yes: boolean, prompter: Prompter | undefined, reporter: Reporter): Promise<void> {
  if (!workspace.project || !workspace.git?.dirty) return;
  const message = 'the git work tree has uncommitted changes, which would mix with the files this adds';
  if (prompter) {
    if (!(await prompter.yesNo(`${message[0]!.toUpperCase()}${message.slice(1)}. Add anyway?`, false))) throw new CliError('cancelled', 'Stopped: nothing was written. Commit or stash your changes, then run again.');
    return;
  }
  if (!yes) throw usageError(`${message}; nothing was written`, ['Commit or stash them first, or pass --yes to add anyway.']);
  reporter.warn(`${message}; going ahead because of --yes.`);
}

/** What an install may write in the target: restored (or removed) if the run is cancelled. */
const INSTALL_OUTPUTS = [...LOCKFILES.map(([file]) => file), 'deno.lock', 'node_modules'];

/** Runs the post steps in order; returns the ones that actually ran, for the report. */
async function runSteps(thePlan: Plan, options: Options, workspace: Workspace, applied: Applied, reporter: Reporter, signal: AbortSignal, warnings: string[]): Promise<PostStep[]> {
  const ran: PostStep[] = [];
  const cd = workspace.isCurrentDirectory ? '' : `cd ${shellQuote(options.directory)} && `;
  for (const step of thePlan.steps) {
    if (step.type === 'python-env') {
      const retryHint = `${cd}${pythonSetupLine()}`;
      await applied.guard([VENV_DIR]);
      await reporter.task('Creating .venv and installing the project with pip', 'Python environment ready in .venv', () =>
        createPythonEnvironment(workspace.targetDir, retryHint, signal),
      );
    } else if (step.type === 'install') {
      const retryHint = `${cd}${installCommand(scriptRunner(options.packageManager))}`;
      // engine-strict would make the install fail late and noisily: say it plainly instead.
      // (Bun and Deno projects run on their own runtime, whatever node is on PATH.)
      const nodeProblem = options.runtime === 'node' ? await nodeOnPathProblem(workspace.targetDir) : undefined;
      if (nodeProblem) {
        warnings.push(`Skipped installing dependencies: ${nodeProblem}. Upgrade Node.js, then run: ${retryHint}`);
        continue;
      }
      await applied.guard(INSTALL_OUTPUTS);
      await reporter.task(`Installing dependencies with ${step.packageManager}`, 'Dependencies installed', () =>
        installDependencies(workspace.targetDir, step.packageManager, step.args, retryHint, signal, PACKAGE_MANAGERS_BY_RUNTIME[options.runtime].length > 1),
      );
    } else {
      const outcome = await reporter.task('Initializing git', 'Git repository initialized', () => initGitRepository(workspace.targetDir, step.message));
      if (outcome.status !== 'committed') warnings.push(outcome.warning);
      if (outcome.status === 'skipped') continue;
    }
    ran.push(step);
  }
  return ran;
}

/** The whole CLI: argv in, exit code out. Every failure path ends in one reporter call. */
export async function run(environment: RunEnvironment): Promise<number> {
  // `doctor` is a command, not a project name (a project called doctor is `./doctor`).
  const command = environment.argv.find((arg) => arg !== '--');
  if (command === 'doctor') return (await import('../doctor/cli/run-doctor.ts')).runDoctor(environment.argv.slice(environment.argv.indexOf('doctor') + 1), environment);
  let reporter: Reporter | undefined;
  const interrupt = onInterrupt();
  let applied: Applied | undefined;
  try {
    const commandLine = parseCommandLine(environment.argv);
    if (commandLine.flags.help) return void environment.stdout.write(`${helpText(environment.version)}\n`), 0;
    if (commandLine.flags.version) return void environment.stdout.write(`${environment.version}\n`), 0;

    const interactive = isInteractive(environment, commandLine);
    reporter = await chooseReporter(environment, commandLine, interactive);
    const warnings: string[] = [];
    if (Number.parseInt(environment.nodeVersion.replace(/^v/, ''), 10) < 22) {
      reporter.warn(`Node.js ${environment.nodeVersion} is past its end of life; generated Node.js projects need Node.js >= 22.18.`);
    }
    reporter.begin();

    const prompter = interactive ? (await import('../prompts/prompter.ts')).clackPrompter(interrupt.signal) : undefined;
    const directory = await resolveDirectory(commandLine, prompter);
    const workspace = await snapshotWorkspace(directory, environment.cwd);
    warnAboutProject(workspace, commandLine, reporter);
    const options = await resolveOptions(commandLine, { env: environment.env, prompter, directory, ...(workspace.project ? { project: workspace.project } : {}) });
    const layers = layersFor(options, workspace.project !== undefined);
    const templates = await loadTemplates(environment.templatesRoot ?? defaultTemplatesRoot(), layers.map((layer) => layer.id));
    const thePlan = plan(options, layers, templates, workspace);
    for (const warning of thePlan.addition?.warnings ?? []) reporter.warn(warning);
    const classified = await preflight(workspace.targetDir, thePlan.files);

    if (commandLine.flags.dryRun) {
      reporter.finish(resultOf(options, workspace, thePlan, dryRunFiles(classified), thePlan.steps, true, warnings));
      return 0;
    }

    await confirmDirtyWorkTree(workspace, commandLine.flags.yes === true, prompter, reporter);
    const ask = interactive ? (await import('../prompts/ask-conflict.ts')).askAboutConflictWith(interrupt.signal) : undefined;
    const resolved = await resolveConflicts(classified, options.conflict, ask);
    applied = await reporter.task('Writing files', 'Files written', () => applyPlan(workspace, resolved, interrupt.signal));
    const ran = await runSteps(thePlan, options, workspace, applied, reporter, interrupt.signal, warnings);
    reporter.finish(resultOf(options, workspace, thePlan, finalFiles(resolved), ran, false, warnings));
    return 0;
  } catch (caught) {
    const error = caught instanceof CliError ? caught : new CliError('failure', caught instanceof Error ? caught.message : String(caught));
    // Cancelled after the files were written: take them away again, as promised.
    if (error.code === 'cancelled' && applied) await applied.rollback();
    (reporter ?? (await chooseReporter(environment, { flags: {} }, false))).fail(error.code, error.message, error.details);
    return error.exitCode;
  } finally {
    interrupt.dispose();
  }
}
