import validatePackageName from 'validate-npm-package-name';

// C0/C1 control characters and DEL: never valid in a name or a path we create.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_SEGMENT_LENGTH = 255;

/** Why `name` cannot be the package name, or undefined when it can. */
export function packageNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the package name is empty';
  if (CONTROL_CHARACTER.test(name)) return 'the package name contains a control character';
  const verdict = validatePackageName(name);
  if (verdict.validForNewPackages) return undefined;
  const reasons = [...(verdict.errors ?? []), ...(verdict.warnings ?? [])];
  return `${JSON.stringify(name.slice(0, 60))} is not a valid npm package name: ${reasons.join('; ')}`;
}

// PEP 508 project names (lowercase here, since the npm rules already require it).
const PYTHON_PROJECT_NAME = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/;

/** Why a valid package name cannot name a Python project (pyproject.toml), or undefined. */
export function pythonProjectNameProblem(name: string): string | undefined {
  if (PYTHON_PROJECT_NAME.test(name)) return undefined;
  return `${JSON.stringify(name.slice(0, 60))} is not a valid Python project name: use letters, digits, ".", "_" and "-", starting and ending with a letter or digit`;
}

/** Why `directory` cannot be the target directory argument, or undefined when it can. */
export function directoryProblem(directory: string): string | undefined {
  if (directory.trim().length === 0) return 'the directory is empty';
  if (CONTROL_CHARACTER.test(directory)) return 'the directory contains a control character';
  if (directory.split(/[\\/]/).some((segment) => segment.length > MAX_SEGMENT_LENGTH)) {
    return `a path segment is longer than ${MAX_SEGMENT_LENGTH} characters`;
  }
  return undefined;
}

/** `  My Cool App/ ` -> `My Cool App`: what people type, minus stray spaces and slashes. */
export function formatTargetDirectory(directory: string): string {
  const trimmed = directory.trim();
  const withoutTrailingSlashes = trimmed.replace(/[\\/]+$/, '');
  return withoutTrailingSlashes === '' && trimmed !== '' ? trimmed : withoutTrailingSlashes;
}

/** A valid package name suggested from a folder name (`My App` -> `my-app`). */
export function suggestPackageName(folderName: string): string {
  const suggestion = folderName
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/^[._]+/, '')
    .replace(/[^a-z0-9-._]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 214)
    // Valid for npm and Python alike: starts and ends with a letter or digit.
    .replace(/^[-._]+|[-._]+$/g, '');
  return suggestion === '' ? 'secure-ai-app' : suggestion;
}
