/**
 * npm drops or rewrites some dotfiles when a package is published, so they are stored
 * under another name and get their real name here. Only these names are renamed:
 * a file that merely starts with `_` (e.g. Python's `__init__.py`) is left alone.
 */
const STORED_NAMES: Record<string, string> = {
  _gitignore: '.gitignore',
  _npmrc: '.npmrc',
  '_env.example': '.env.example',
};

const TEMPLATE_SUFFIX = '.hbs';

export const isTemplate = (sourcePath: string): boolean => sourcePath.endsWith(TEMPLATE_SUFFIX);

/** `sub/_gitignore` -> `sub/.gitignore`, `README.md.hbs` -> `README.md`. */
export function outputPathOf(sourcePath: string): string {
  const withoutSuffix = isTemplate(sourcePath) ? sourcePath.slice(0, -TEMPLATE_SUFFIX.length) : sourcePath;
  const segments = withoutSuffix.split('/');
  const last = segments.pop() ?? '';
  return [...segments, STORED_NAMES[last] ?? last].join('/');
}
