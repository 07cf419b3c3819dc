/**
 * How a Python project is set up and run: one virtual environment, `.venv`, filled by
 * pip from pyproject.toml (the project itself installed editable, with its `dev` extra).
 */
export const VENV_DIR = '.venv';

/** pip's arguments, run by the venv's own Python so nothing lands outside `.venv`. */
export const PIP_INSTALL_ARGS = ['-m', 'pip', 'install', '--editable', '.[dev]'] as const;

/** The venv's interpreter: `bin/python` on Linux and macOS, `Scripts\python.exe` on Windows. */
export const venvPythonPath = (platform: NodeJS.Platform = process.platform): string =>
  platform === 'win32' ? `${VENV_DIR}\\Scripts\\python.exe` : `${VENV_DIR}/bin/python`;

/** pip's arguments as typed in a shell: the extras bracket quoted (zsh would glob it). */
const PIP_INSTALL_TEXT = PIP_INSTALL_ARGS.map((arg) => (arg.includes('[') ? `"${arg}"` : arg)).join(' ');

/** The project's own secret scanner (standard library only), used by the hook and the tests. */
export const PYTHON_SCANNER = 'tools/scan_secrets.py';

/** What a person types, in order, with the venv activated (README, next steps). */
export const PYTHON_COMMANDS = {
  createVenv: `python -m venv ${VENV_DIR}`,
  activatePosix: `source ${VENV_DIR}/bin/activate`,
  activateWindows: `${VENV_DIR}\\Scripts\\activate`,
  install: `python ${PIP_INSTALL_TEXT}`,
  run: 'python -m app',
  test: 'pytest',
  lint: 'ruff check . && ruff format --check .',
  scanSecrets: `python ${PYTHON_SCANNER}`,
} as const;

/** One line for the retry hint and next steps: create, then install with the venv's Python. */
export const pythonSetupLine = (platform: NodeJS.Platform = process.platform): string =>
  `python3 -m venv ${VENV_DIR} && ${venvPythonPath(platform)} ${PIP_INSTALL_TEXT}`;
