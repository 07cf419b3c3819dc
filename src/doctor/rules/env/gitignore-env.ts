import path from 'node:path';
import { parseGitignore } from '../../scan/gitignore.ts';
import type { Finding, Repository, Rule } from '../../types.ts';
import { findingOf } from '../define-rule.ts';
import { ENV_TEMPLATE_NAMES, isEnvTemplate, isSecretEnvFile } from './env-files.ts';

/** A folder holding one of these is a project whose `.env` files would land there. */
const PROJECT_MARKER = /(^|\/)(package\.json|pyproject\.toml|deno\.jsonc?)$/;
/** Env files a developer or a framework creates without asking (Next.js, Vite, dotenv-flow...). */
const PROBED_NAMES = ['.env', '.env.local', '.env.production'];
const SHOWN = 5;

const folderOf = (file: string): string => path.posix.dirname(file).replace(/^\.$/, '');
const inFolder = (folder: string, name: string): string => (folder === '' ? name : `${folder}/${name}`);
const listed = (paths: readonly string[]): string => {
  const more = paths.length > SHOWN ? ` and ${paths.length - SHOWN} more` : '';
  return `${paths.slice(0, SHOWN).map((file) => `\`${file}\``).join(', ')}${more}`;
};

/** Node 20 has no Map.groupBy. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/** The root, and each folder where a project (or its env files) lives. */
function projectFolders(repository: Repository): string[] {
  const folders = new Set(['']);
  for (const file of repository.files) {
    if (PROJECT_MARKER.test(file) || isEnvTemplate(file) || isSecretEnvFile(file)) folders.add(folderOf(file));
  }
  return [...folders].sort();
}

/** The `.gitignore` git reads last for files of `folder`: its own, else the closest above it. */
function nearestGitignore(gitignores: ReadonlySet<string>, folder: string): string {
  for (let current = folder; ; current = folderOf(current)) {
    if (gitignores.has(inFolder(current, '.gitignore'))) return inFolder(current, '.gitignore');
    if (current === '') return '.gitignore';
  }
}

interface PatternLine {
  line: number;
  rule: ReturnType<typeof parseGitignore>[number];
}

/** Each pattern of a `.gitignore` with its line number (the file is small; read once per audit). */
function patternLines(text: string): PatternLine[] {
  return text.split(/\r?\n/).flatMap((raw, index) => parseGitignore(raw).map((rule) => ({ line: index + 1, rule })));
}

/**
 * The `.gitignore` line that ignores `file`, by git's precedence: folders before what is
 * in them, deeper `.gitignore` files over outer ones, later lines over earlier ones.
 * Undefined when no committed `.gitignore` in the audited folder says so.
 */
function ignoringLine(repository: Repository, gitignores: ReadonlySet<string>, cache: Map<string, PatternLine[]>, file: string): { gitignore: string; line: number } | undefined {
  const parts = file.split('/');
  for (let depth = 1; depth <= parts.length; depth += 1) {
    const target = parts.slice(0, depth).join('/');
    const isFolder = depth < parts.length;
    let last: { gitignore: string; line: number; negated: boolean } | undefined;
    for (let base = 0; base < depth; base += 1) {
      const gitignore = inFolder(parts.slice(0, base).join('/'), '.gitignore');
      if (!gitignores.has(gitignore)) continue;
      if (!cache.has(gitignore)) cache.set(gitignore, patternLines(repository.text(gitignore) ?? ''));
      const relative = path.posix.relative(folderOf(gitignore), target);
      for (const { line, rule } of cache.get(gitignore)!) {
        if ((!rule.folderOnly || isFolder) && rule.pattern.test(relative)) last = { gitignore, line, negated: rule.negated };
      }
    }
    if (last && !last.negated) return { gitignore: last.gitignore, line: last.line };
  }
  return undefined;
}

/** Env files that would be committed: one finding per `.gitignore` that should cover them. */
function unprotected(rule: Rule, gitignores: ReadonlySet<string>, paths: readonly string[]): Finding[] {
  const byGitignore = groupBy(paths, (file) => nearestGitignore(gitignores, folderOf(file)));
  return [...byGitignore].map(([gitignore, files]) => {
    const missing = gitignores.has(gitignore) ? '' : ' (there is no .gitignore here)';
    return findingOf(rule, gitignore, `${listed(files)} would not be ignored${missing}: add \`.env\` and \`.env.*\``);
  });
}

/** Templates that should be committed but are ignored: one finding per offending line. */
function hiddenTemplates(rule: Rule, repository: Repository, gitignores: ReadonlySet<string>, templates: readonly string[]): Finding[] {
  const cache = new Map<string, PatternLine[]>();
  const byPlace = groupBy(templates, (file) => {
    const place = ignoringLine(repository, gitignores, cache, file);
    return place ? `${place.gitignore}:${place.line}` : nearestGitignore(gitignores, folderOf(file));
  });
  return [...byPlace].map(([place, files]) => {
    const [gitignore, line] = place.split(/:(?=\d+$)/);
    const negations = [...new Set(files.map((file) => path.posix.basename(file)))].map((name) => `\`!${name}\``).join(' and ');
    if (line === undefined) return findingOf(rule, gitignore!, `${listed(files)} would be ignored by a pattern outside the audited folder's .gitignore files, so git will not commit the template: add ${negations} to ${gitignore}`);
    const pattern = linesOfText(repository.text(gitignore!))[Number(line) - 1]?.trim() ?? '';
    return findingOf(rule, gitignore!, `\`${pattern}\` also ignores ${listed(files)}, which should be committed: add ${negations} after it`, { line: Number(line) });
  });
}

const linesOfText = (text: string | undefined): string[] => (text ?? '').split(/\r?\n/);

export const gitignoreEnv: Rule = {
  id: 'gitignore-env',
  title: '.gitignore does not keep env files out',
  severity: 'medium',
  why: 'Without `.env` and `.env.*` in .gitignore, one `git add .` commits the keys in a local `.env` (or a framework\'s `.env.local`, `.env.production`); ignoring `.env.example` instead hides the template every new clone needs.',
  fix: 'In the .gitignore at the project\'s root, list `.env` and `.env.*`, followed by `!.env.example` so the template (with empty values) stays committed. Check with `git check-ignore -v .env .env.local .env.example`.',
  ignorable: 'anywhere',
  async check(repository) {
    const gitignores = new Set(repository.files.filter((file) => path.posix.basename(file) === '.gitignore'));
    const folders = projectFolders(repository);
    const probes = [...new Set([...folders.flatMap((folder) => PROBED_NAMES.map((name) => inFolder(folder, name))), ...repository.files.filter(isSecretEnvFile)])].sort();
    // Only templates that exist: ignoring a `.env.example` nobody wrote harms nobody.
    const templates = [...new Set([...folders.flatMap((folder) => ENV_TEMPLATE_NAMES.map((name) => inFolder(folder, name))).filter((file) => repository.text(file) !== undefined), ...repository.files.filter(isEnvTemplate)])].sort();
    const ignored = await repository.ignored([...probes, ...templates]);
    return [
      ...unprotected(this, gitignores, probes.filter((file) => !ignored.has(file))),
      ...hiddenTemplates(this, repository, gitignores, templates.filter((file) => ignored.has(file))),
    ];
  },
};
