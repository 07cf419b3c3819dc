import type { Options } from '../options/schema.ts';
import { shellQuote } from '../util/shell-quote.ts';
import { installCommand, nodePackageManager } from '../util/package-manager.ts';
import { projectCommandsFor } from './project-commands.ts';
import { addsDependencies, type AdditionSummary } from './types.ts';


export interface NextStepsInput {
  options: Options;
  /** Required variables still without a value. */
  requiredEnv: readonly string[];
  isCurrentDirectory: boolean;
  /** Whether dependencies were (or, dry, would be) installed. */
  installed: boolean;
  /** When adding: whether the project has a `.env` already. */
  hasEnvFile?: boolean;
  addition?: AdditionSummary;
}

function envStep(requiredEnv: readonly string[], hasEnvFile: boolean): string[] {
  if (!hasEnvFile) return [`cp .env.example .env   # then set ${requiredEnv.join(', ') || 'the variables you need'} in .env (never commit it)`];
  return requiredEnv.length > 0 ? [`set ${requiredEnv.join(', ')} in .env   # still without a value there (never commit .env)`] : [];
}

/** What is left for the user to do, in order. The report prints these lines as they are. */
export function nextStepsFor({ options, requiredEnv, isCurrentDirectory, installed, hasEnvFile = false, addition }: NextStepsInput): string[] {
  const cd = isCurrentDirectory ? [] : [`cd ${shellQuote(options.directory)}`];
  if (addition) {
    return [
      ...cd,
      ...(installed || !addsDependencies(addition) ? [] : [installCommand(nodePackageManager(options.packageManager))]),
      ...envStep(requiredEnv, hasEnvFile),
      ...addition.wiring.flatMap((snippet) => [`# ${snippet.comment}`, ...snippet.code.split('\n')]),
      `${addition.testCommand}   # the module's offline tests (see ${addition.moduleRoot}/README.md)`,
    ];
  }
  const commands = projectCommandsFor(options, []);
  return [
    ...cd,
    // Python: a venv made by the install step still has to be activated in the user's shell.
    ...(installed ? commands.activate : commands.setup),
    ...envStep(requiredEnv, false),
    commands.startWithPrompt || commands.dev || commands.start,
    `${commands.check}   # ${commands.says.check}`,
  ];
}
