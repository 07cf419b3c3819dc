import { CliError, cancelled } from '../errors.ts';
import { runCommand, tailOf } from './run-command.ts';

/** Installs dependencies; on failure the files stay and the retry command is printed. */
export async function installDependencies(
  targetDir: string,
  packageManager: string,
  args: readonly string[],
  retryHint: string,
  signal: AbortSignal,
  /** Whether --package-manager could name another one (not for Bun, Deno: they install themselves). */
  canChooseAnother = true,
): Promise<void> {
  const result = await runCommand(packageManager, args, { cwd: targetDir, signal });
  if (result.cancelled || signal.aborted) throw cancelled();
  if (result.ok) return;
  const command = [packageManager, ...args].join(' ');
  if (result.missing) {
    throw new CliError('install_failed', `${packageManager} was not found on PATH, so dependencies were not installed; your files are kept`, [
      `Install ${packageManager}${canChooseAnother ? ' or choose another with --package-manager' : ''}, then run: ${retryHint}`,
    ]);
  }
  throw new CliError('install_failed', `${command} failed (exit code ${result.exitCode ?? 'unknown'}); your files are kept`, [
    ...tailOf(result.output).map((line) => `  | ${line}`),
    `To retry: ${retryHint}`,
  ]);
}
