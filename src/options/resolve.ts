import path from 'node:path';
import type { CommandLine } from '../cli/parse-args.ts';
import { usageError } from '../errors.ts';
import {
  FRAMEWORK_CHOICES,
  FRAMEWORKS_BY_RUNTIME,
  PACKAGE_MANAGER_CHOICES,
  PACKAGE_MANAGERS_BY_RUNTIME,
  PROVIDER_CHOICES,
  RUNTIME_CHOICES,
  type Choice,
  type Framework,
  type PackageManager,
} from './catalog.ts';
import type { ExistingProject } from '../workspace/existing-project.ts';
import { detectPackageManager, suggestedRuntime } from './defaults.ts';
import { formatTargetDirectory, packageNameProblem, suggestPackageName } from './names.ts';
import { parseOption, parseOptions, type OptionKey, type Options } from './schema.ts';

/** The questions the interactive mode can ask; tests and the prompts module implement it. */
export interface Prompter {
  text(key: 'directory' | 'name', message: string, initialValue: string): Promise<string>;
  choice<T extends string>(message: string, choices: readonly Choice<T>[], initialValue: T): Promise<T>;
  yesNo(message: string, initialValue: boolean): Promise<boolean>;
}

export interface ResolveContext {
  env: NodeJS.ProcessEnv;
  /** Undefined when the run must not prompt (no TTY, CI, --yes, --json). */
  prompter: Prompter | undefined;
  /** Already resolved (see resolveDirectory), so the target could be inspected first. */
  directory?: string;
  /** The project already in the target: its values become the defaults. */
  project?: ExistingProject;
}

export const DEFAULT_DIRECTORY = 'secure-ai-app';

/** Every flag, validated: a bad one fails before the first question is asked. */
function presetsOf(commandLine: CommandLine) {
  const flags = commandLine.flags;
  const given = <K extends OptionKey>(key: K): Options[K] | undefined =>
    flags[key] === undefined ? undefined : parseOption(key, flags[key]);
  return {
    runtime: given('runtime'),
    framework: given('framework'),
    provider: given('provider'),
    name: given('name'),
    packageManager: given('packageManager'),
    conflict: given('conflict'),
    install: given('install'),
    git: given('git'),
    directory: commandLine.directory === undefined ? undefined : parseOption('directory', formatTargetDirectory(commandLine.directory)),
  };
}

/** The target directory: the argument, else a prompt, else a usage error naming the argument. */
export async function resolveDirectory(commandLine: CommandLine, prompter: Prompter | undefined): Promise<string> {
  const { directory } = presetsOf(commandLine);
  if (directory !== undefined) return directory;
  if (!prompter) {
    throw usageError('the project directory is missing: pass it as the first argument', [
      `e.g. create-secure-ai-app ${DEFAULT_DIRECTORY} --yes   (use . for the current directory)`,
    ]);
  }
  return parseOption('directory', formatTargetDirectory(await prompter.text('directory', 'Where should the project be created?', DEFAULT_DIRECTORY)));
}

/**
 * Flags first, then a prompt for each option the flags left open (interactive only),
 * then defaults (for an existing project: what it already uses). Every flag is
 * validated before the first prompt, so nobody answers five questions to be told the
 * command line was wrong.
 */
export async function resolveOptions(commandLine: CommandLine, { env, prompter, directory: resolvedDirectory, project }: ResolveContext): Promise<Options> {
  const preset = presetsOf(commandLine);
  const directory = resolvedDirectory ?? (await resolveDirectory(commandLine, prompter));

  const folderName = path.basename(path.resolve(directory));
  let name = preset.name;
  if (name === undefined && project) {
    // Adding: the project keeps its own name; ours only labels the module's README.
    name = project.name !== undefined && !packageNameProblem(project.name) ? project.name : suggestPackageName(folderName);
  }
  if (name === undefined) {
    if (!packageNameProblem(folderName)) name = folderName;
    else if (prompter) name = await prompter.text('name', 'Package name', suggestPackageName(folderName));
    else throw usageError(`--name is needed: the folder name ${JSON.stringify(folderName)} is not a valid package name`, [`e.g. --name ${suggestPackageName(folderName)}`]);
  }

  const pick = async <T extends string>(value: T | undefined, message: string, choices: readonly Choice<T>[], preferred: T): Promise<T> => {
    if (value !== undefined) return value;
    const fallback = choices.some((c) => c.value === preferred) ? preferred : (choices[0]?.value ?? preferred);
    if (!prompter || choices.length === 1) return fallback;
    return prompter.choice(message, choices, fallback);
  };

  if (project && preset.runtime !== undefined && preset.runtime !== 'node') {
    throw usageError(`--runtime ${preset.runtime} cannot add to this folder: it holds a Node.js project (package.json), and adding works for Node.js projects only`, [
      `To start a new ${preset.runtime} project, pass a new or empty directory.`,
    ]);
  }
  // Adding goes into the project's own runtime, which is Node.js (package.json).
  // Without prompts the default is node (the CLI contract); a prompt starts on the launcher's runtime.
  const runtime = await pick(preset.runtime, 'Which runtime?', project ? RUNTIME_CHOICES.filter((c) => c.value === 'node') : RUNTIME_CHOICES, prompter ? suggestedRuntime(env) : 'node');
  const frameworkChoices = FRAMEWORK_CHOICES.filter((c) => FRAMEWORKS_BY_RUNTIME[runtime].includes(c.value));
  const framework: Framework = preset.framework ?? (await pick(undefined, project ? 'Which framework does the project use?' : 'Which framework?', frameworkChoices, project?.framework ?? 'none'));
  const provider = await pick(preset.provider, 'Which AI provider?', PROVIDER_CHOICES, 'openai');
  // An existing project's lockfile names its package manager: installing with another would fork it.
  const managerChoices = PACKAGE_MANAGER_CHOICES.filter((c) => PACKAGE_MANAGERS_BY_RUNTIME[runtime].includes(c.value));
  const detected: PackageManager = project?.packageManager ?? detectPackageManager(env) ?? 'npm';
  const packageManager = await pick(preset.packageManager, 'Which package manager?', managerChoices, detected);
  const installQuestion = project
    ? `Install the added dependencies with ${packageManager} now?`
    : packageManager === 'pip'
      ? 'Create .venv and install the project into it with pip now?'
      : `Install dependencies with ${packageManager} now?`;
  const install = preset.install ?? (prompter ? await prompter.yesNo(installQuestion, true) : true);
  // Never git init inside someone's existing project.
  const git = project ? false : (preset.git ?? (prompter ? await prompter.yesNo('Initialize a git repository?', true) : true));

  return parseOptions({
    directory,
    name,
    runtime,
    framework,
    provider,
    packageManager,
    install,
    git,
    conflict: preset.conflict ?? (prompter ? 'prompt' : 'abort'),
  });
}
