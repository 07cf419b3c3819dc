import { parseJsonText, textFormatOf } from '../../util/text-format.ts';
import { jsonLayout } from './json-members.ts';

export interface PackageJsonAdditions {
  dependencies: Readonly<Record<string, string>>;
  devDependencies: Readonly<Record<string, string>>;
  scripts: Readonly<Record<string, string>>;
}

export interface PackageJsonMerge {
  content: string;
  /** What was actually added (entries the project already had are left out). */
  added: PackageJsonAdditions;
}

type Manifest = Partial<Record<keyof PackageJsonAdditions, Record<string, string>>>;

/** The indent unit the file uses: the leading whitespace of its first indented line. */
const indentOf = (text: string): string => /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';

/** `sorted` keeps an alphabetical object alphabetical; otherwise new keys go last. */
function withAdditions(existing: Record<string, string>, additions: Record<string, string>): Record<string, string> {
  const keys = Object.keys(existing);
  const wasSorted = keys.every((key, index) => index === 0 || keys[index - 1]!.localeCompare(key) <= 0);
  const merged = { ...existing, ...Object.fromEntries(Object.entries(additions).sort(([a], [b]) => a.localeCompare(b))) };
  return wasSorted ? Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b))) : merged;
}

/**
 * Serializes `value` as it would appear one level deep in a file indented by `indent`;
 * an object the file wrote on one line (`{ "test": "x" }`) stays on one line.
 */
function serializeAtDepthOne(value: Record<string, string>, indent: string, eol: string, oneLine: boolean): string {
  if (oneLine) return `{ ${Object.entries(value).map(([key, entry]) => `${JSON.stringify(key)}: ${JSON.stringify(entry)}`).join(', ')} }`;
  return JSON.stringify(value, null, indent).split('\n').join(`${eol}${indent}`);
}

/**
 * Adds missing dependencies, devDependencies and scripts to an existing package.json
 * without touching anything else: a name present in either dependency list keeps its
 * version, an existing script keeps its command, and only the edited objects are
 * re-serialized (with the file's own indent and line endings); every other byte,
 * including key order and the final newline, stays as it was.
 */
export function mergePackageJson(text: string, wanted: PackageJsonAdditions): PackageJsonMerge {
  const manifest = parseJsonText(text) as Manifest;
  const present = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);
  const missing = (from: Readonly<Record<string, string>>, has: (name: string) => boolean) =>
    Object.fromEntries(Object.entries(from).filter(([name]) => !has(name)));
  const added: PackageJsonAdditions = {
    dependencies: missing(wanted.dependencies, (name) => present.has(name)),
    devDependencies: missing(wanted.devDependencies, (name) => present.has(name) || name in wanted.dependencies),
    scripts: missing(wanted.scripts, (name) => name in (manifest.scripts ?? {})),
  };

  const { eol } = textFormatOf(text);
  const indent = indentOf(text);
  // A file written on one line (minified) stays on one line.
  const compact = !text.includes('\n');
  // Edit from the end of the file backwards so earlier positions stay valid.
  const edits: { start: number; end: number; replacement: string }[] = [];
  const layout = jsonLayout(text);
  const newMembers: string[] = [];
  for (const key of ['scripts', 'dependencies', 'devDependencies'] as const) {
    const additions = added[key];
    if (Object.keys(additions).length === 0) continue;
    const member = layout.members.find((entry) => entry.key === key);
    const value = withAdditions(member ? (manifest[key] ?? {}) : {}, additions);
    if (compact) {
      if (member) edits.push({ start: member.valueStart, end: member.valueEnd, replacement: JSON.stringify(value) });
      else newMembers.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
    } else if (member) {
      const original = text.slice(member.valueStart, member.valueEnd);
      const oneLine = !original.includes('\n') && Object.keys(manifest[key] ?? {}).length > 0;
      edits.push({ start: member.valueStart, end: member.valueEnd, replacement: serializeAtDepthOne(value, indent, eol, oneLine) });
    } else newMembers.push(`${indent}${JSON.stringify(key)}: ${serializeAtDepthOne(value, indent, eol, false)}`);
  }
  if (newMembers.length > 0) {
    const last = layout.members.at(-1);
    const insertAt = last ? last.valueEnd : layout.rootEnd;
    const lineBreak = compact ? '' : eol;
    const lead = last ? ',' : '';
    const closing = last ? '' : lineBreak;
    edits.push({ start: insertAt, end: insertAt, replacement: `${lead}${lineBreak}${newMembers.join(`,${lineBreak}`)}${closing}` });
  }
  let content = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    content = content.slice(0, edit.start) + edit.replacement + content.slice(edit.end);
  }
  return { content, added };
}
