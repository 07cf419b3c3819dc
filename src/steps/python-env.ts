import path from 'node:path';
import { CliError, cancelled } from '../errors.ts';
import { PIP_INSTALL_ARGS, VENV_DIR, venvPythonPath } from '../util/python-commands.ts';
import { meetsMinimum } from '../util/version.ts';
import { runCommand, tailOf, type CommandResult } from './run-command.ts';

/** The oldest Python a generated project supports (pyproject's requires-python). */
export const REQUIRED_PYTHON = { major: 3, minor: 10 } as const;

/** Tried in this order: `python3` is the usual name on Linux and macOS, `python` on Windows. */
const PYTHON_NAMES = ['python3', 'python'] as const;

const VERSION_PROBE = ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'];

interface FoundPython {
  command: string;
  version: string;
}

/** The first Python on PATH, with its version; undefined when there is none. */
async function findPython(cwd: string): Promise<FoundPython | undefined> {
  for (const command of PYTHON_NAMES) {
    const result = await runCommand(command, VERSION_PROBE, { cwd });
    // Windows ships a `python` alias that opens the Store instead of running Python: it prints no version.
    const version = result.output.trim();
    if (result.ok && /^\d+\.\d+$/.test(version)) return { command, version };
  }
  return undefined;
}

function failed(what: string, result: CommandResult, retryHint: string): CliError {
  return new CliError('install_failed', `${what} failed (exit code ${result.exitCode ?? 'unknown'}); your files are kept`, [
    ...tailOf(result.output).map((line) => `  | ${line}`),
    `To retry: ${retryHint}`,
  ]);
}

/**
 * Creates `.venv` with the Python on PATH and installs the project into it with that
 * venv's own pip, so nothing is installed into the system Python. On failure the
 * files stay and the retry command is printed.
 */
export async function createPythonEnvironment(targetDir: string, retryHint: string, signal: AbortSignal): Promise<void> {
  const python = await findPython(targetDir);
  if (signal.aborted) throw cancelled();
  const needed = `Python >= ${REQUIRED_PYTHON.major}.${REQUIRED_PYTHON.minor}`;
  if (!python) {
    throw new CliError('install_failed', `neither python3 nor python was found on PATH, so ${VENV_DIR} was not created; your files are kept`, [
      `Install ${needed} (https://www.python.org/downloads/), then run: ${retryHint}`,
    ]);
  }
  if (!meetsMinimum(python.version, REQUIRED_PYTHON)) {
    throw new CliError('install_failed', `the project needs ${needed} and ${python.command} on PATH is ${python.version}, so ${VENV_DIR} was not created; your files are kept`, [
      `Install ${needed}, then run: ${retryHint}`,
    ]);
  }
  const venv = await runCommand(python.command, ['-m', 'venv', VENV_DIR], { cwd: targetDir, signal });
  if (venv.cancelled || signal.aborted) throw cancelled();
  if (!venv.ok) throw failed(`${python.command} -m venv ${VENV_DIR}`, venv, retryHint);

  const install = await runCommand(path.join(targetDir, venvPythonPath()), PIP_INSTALL_ARGS, { cwd: targetDir, signal });
  if (install.cancelled || signal.aborted) throw cancelled();
  if (!install.ok) throw failed('pip install', install, retryHint);
}
