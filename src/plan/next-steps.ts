import type { Options } from '../options/schema.ts';
import { installCommand, runScript, runScriptWithArgs } from '../util/package-manager.ts';

/** Shell-quotes a path for the "cd" hint only when it needs it. */
const quotePath = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`);

/** What is left for the user to do, in order. The report prints these lines as they are. */
export function nextStepsFor(options: Options, requiredEnv: readonly string[], isCurrentDirectory: boolean): string[] {
  const pm = options.packageManager;
  return [
    ...(isCurrentDirectory ? [] : [`cd ${quotePath(options.directory)}`]),
    ...(options.install ? [] : [installCommand(pm)]),
    `cp .env.example .env   # then set ${requiredEnv.join(', ')} in .env (never commit it)`,
    options.framework === 'none' ? runScriptWithArgs(pm, 'start', '"Hello"') : runScript(pm, 'dev'),
    `${runScript(pm, 'check')}   # type-check, offline tests, secret scan`,
  ];
}
