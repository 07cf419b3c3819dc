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
    .replace(/[^a-z0-9-~._]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 214);
  return suggestion === '' ? 'secure-ai-app' : suggestion;
}
