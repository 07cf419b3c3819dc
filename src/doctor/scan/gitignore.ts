import { linesOf } from '../../util/text-format.ts';

/**
 * `.gitignore` rules for a folder outside git, where `git check-ignore` cannot answer.
 * Covers what real files use: comments, `!` negation, a leading or inner `/` anchoring
 * the pattern to its file's folder, a trailing `/` for folders, `*`, `?`, `[...]` and
 * `**`. The last matching rule wins, and nothing inside an ignored folder comes back.
 */
interface IgnoreRule {
  negated: boolean;
  folderOnly: boolean;
  /** Tested against the path relative to the `.gitignore`'s folder. */
  pattern: RegExp;
}

function globToRegExp(glob: string, anchored: boolean): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i]!;
    // `**` spans folders only as a whole path segment (`**/x`, `x/**`, `a/**/b`); elsewhere
    // (`logs/**.log`, `cache**`) git reads it as an ordinary `*`.
    const wholeSegment = (i === 0 || glob[i - 1] === '/') && (i + 2 === glob.length || glob[i + 2] === '/');
    if (char === '*' && glob[i + 1] === '*' && wholeSegment) {
      const slashAfter = glob[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
      while (glob[i + 1] === '*') i += 1;
    } else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (char === '\\' && i + 1 < glob.length) source += `\\${glob[++i]}`;
    else source += /[.+^${}()|\\]/.test(char) ? `\\${char}` : char;
  }
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${source}$`);
}

const MAX_STARS = 6;
/** No path is longer (PATH_MAX); a longer pattern matches nothing, and its regex is too big to compile. */
const MAX_PATTERN_LENGTH = 4096;

/** Git trims unescaped trailing spaces, and only spaces (a trailing tab is part of the name). */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ') end -= 1;
  // `foo\ ` keeps its escaped space.
  if (end < line.length && end > 0 && line[end - 1] === '\\') end += 1;
  return line.slice(0, end);
}

export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of linesOf(text)) {
    let line = trimTrailingSpaces(raw);
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const folderOnly = line.endsWith('/');
    if (folderOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    line = line.replace(/^\//, '');
    if (line === '') continue;
    // Many `*` in one pattern make a regex that backtracks for ever on a long name; no real
    // .gitignore needs them. Such a pattern is left out (more files are audited, not fewer),
    // as is one longer than any path.
    if ((line.match(/\*+/g)?.length ?? 0) > MAX_STARS || line.length > MAX_PATTERN_LENGTH) continue;
    try {
      rules.push({ negated, folderOnly, pattern: globToRegExp(line, anchored) });
    } catch {
      // A pattern git itself would not match anything with (`[z-a]`): skipped, as git does.
    }
  }
  return rules;
}

/** The `.gitignore` files that apply, outermost first, keyed by their folder ('' = root). */
export type GitignoreFiles = ReadonlyMap<string, readonly IgnoreRule[]>;

function verdict(rules: readonly IgnoreRule[] | undefined, relative: string, isFolder: boolean): boolean | undefined {
  let result: boolean | undefined;
  for (const rule of rules ?? []) {
    if (rule.folderOnly && !isFolder) continue;
    if (rule.pattern.test(relative)) result = !rule.negated;
  }
  return result;
}

/**
 * Whether `file` (relative, `/`-separated) is ignored, by itself or through a folder.
 * `parentsNotIgnored`: the caller already knows no folder on the way is ignored (a walk
 * never enters one), so only the last step is judged.
 */
export function isIgnoredBy(gitignores: GitignoreFiles, file: string, options: { isFolder?: boolean; parentsNotIgnored?: boolean } = {}): boolean {
  const parts = file.split('/');
  for (let depth = options.parentsNotIgnored ? parts.length : 1; depth <= parts.length; depth += 1) {
    const target = parts.slice(0, depth).join('/');
    const targetIsFolder = depth < parts.length || options.isFolder === true;
    let ignored = false;
    for (let base = 0; base < depth; base += 1) {
      const rules = gitignores.get(parts.slice(0, base).join('/'));
      if (!rules) continue;
      const said = verdict(rules, parts.slice(base, depth).join('/'), targetIsFolder);
      if (said !== undefined) ignored = said;
    }
    if (ignored) return true;
  }
  return false;
}
