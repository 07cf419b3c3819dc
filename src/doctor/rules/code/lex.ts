/**
 * Two views of a source file, each exactly as long as the text (offsets and line numbers
 * carry over unchanged, newlines are kept):
 * - `code`: comments blanked, so an example in a comment is not code;
 * - `skeleton`: comments AND the contents of strings, template text and regex literals
 *   blanked, so `'console.log(process.env)'` in a string is not a call, and a `(` or `,`
 *   inside a string does not upset the argument splitter.
 * Rules search the skeleton for code shapes and read names from `code` at the same offsets
 * (a string's quotes stay in the skeleton, its contents only in `code`).
 *
 * These are small hand-written scanners, not parsers. Known limits, each bounded to one line
 * because an unterminated string or regex stops at the end of its line:
 * - JS: a regex literal is told from a division by the character before it; JSX text
 *   (`<p>don't</p>`, `</div>`, a bare `https://` URL) can blank the rest of its line.
 * - Python: an f-string's `{expression}` is code; a single-quoted string ends at a newline.
 */

/** A half-open range [start, end) of the text to blank. */
type Range = readonly [number, number];

interface Blanks {
  /** Comments: blanked in both views. */
  comments: Range[];
  /** String, template and regex contents: blanked in the skeleton only. */
  literals: Range[];
}

export interface LexedText {
  code: string;
  skeleton: string;
}

/** `text` with the ranges replaced by spaces, newlines kept so lines still line up. */
function blank(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + text.slice(from, end).replace(/[^\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

const viewsOf = (text: string, blanks: Blanks): LexedText => ({
  code: blank(text, blanks.comments),
  skeleton: blank(text, [...blanks.comments, ...blanks.literals]),
});

/** Records a comment from `start` to the end of its line (`//`, `#`); returns where scanning resumes. */
function lineComment(text: string, start: number, blanks: Blanks): number {
  const newline = text.indexOf('\n', start);
  const end = newline === -1 ? text.length : newline;
  blanks.comments.push([start, end]);
  return end;
}

/** Index of the end of a quoted string's body: its closing quote, or the end of its line. */
function endOfQuoted(text: string, from: number, quote: string): number {
  let index = from;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === quote || char === '\n') return index;
    else index += 1;
  }
  return text.length;
}

/** After these, a `/` starts a regex literal rather than a division. */
const BEFORE_REGEX_CHARS = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const BEFORE_REGEX_WORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'instanceof']);

/** The end of a regex literal's body (its closing `/`), or of its line. */
function endOfRegex(text: string, from: number): number {
  let inClass = false;
  let index = from;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') index += 2;
    else if (char === '\n') return index;
    else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) return index;
      index += 1;
    }
  }
  return text.length;
}

/** `[A-Za-z0-9_$]`, by character code: this runs for every character of every file. */
function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}
const isSpaceCode = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff;

/**
 * Whether the `/` at `index` starts a regex literal: decided by the last character before
 * it that is not white space (an operator or opening bracket: yes; a name or `)`: no,
 * unless the name is a keyword such as `return`).
 */
function startsRegex(text: string, index: number): boolean {
  let at = index - 1;
  while (at >= 0 && isSpaceCode(text.charCodeAt(at))) at -= 1;
  if (at < 0) return true;
  if (BEFORE_REGEX_CHARS.has(text[at]!)) return true;
  if (!isWordCode(text.charCodeAt(at))) return false;
  let start = at;
  while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start -= 1;
  return BEFORE_REGEX_WORDS.has(text.slice(start, at + 1));
}

/** JavaScript and TypeScript (JSX included, with the limits above). */
export function lexJs(text: string): LexedText {
  const blanks: Blanks = { comments: [], literals: [] };
  /** Brace depth at which each open `${` of a template literal resumes its template. */
  const templates: number[] = [];
  let braces = 0;
  let index = 0;

  /** Scans template text from `from` up to its closing backtick or a `${`. */
  const templateText = (from: number): number => {
    let at = from;
    while (at < text.length && text[at] !== '`' && !(text[at] === '$' && text[at + 1] === '{')) at += text[at] === '\\' ? 2 : 1;
    blanks.literals.push([from, Math.min(at, text.length)]);
    if (text[at] === '`') return at + 1;
    if (at < text.length) {
      templates.push(braces);
      braces += 1;
      return at + 2;
    }
    return at;
  };

  // The only characters that can start a comment, string, template or regex, or move the
  // brace depth; everything between them is plain code, skipped by the regex engine.
  const special = /[/'"`{}]/g;
  while (index < text.length) {
    special.lastIndex = index;
    const found = special.exec(text);
    if (!found) break;
    index = found.index;
    const char = text[index]!;
    const next = text[index + 1];
    if (char === '/' && next === '/') {
      index = lineComment(text, index, blanks);
    } else if (char === '/' && next === '*') {
      const close = text.indexOf('*/', index + 2);
      const end = close === -1 ? text.length : close + 2;
      blanks.comments.push([index, end]);
      index = end;
    } else if (char === "'" || char === '"') {
      const end = endOfQuoted(text, index + 1, char);
      blanks.literals.push([index + 1, end]);
      index = end + 1;
    } else if (char === '`') {
      index = templateText(index + 1);
    } else if (char === '}' && templates.length > 0 && braces - 1 === templates.at(-1)) {
      templates.pop();
      braces -= 1;
      index = templateText(index + 1);
    } else if (char === '/' && startsRegex(text, index)) {
      const end = endOfRegex(text, index + 1);
      blanks.literals.push([index + 1, end]);
      index = end + 1;
    } else {
      if (char === '{') braces += 1;
      else if (char === '}') braces -= 1;
      index += 1;
    }
  }
  return viewsOf(text, blanks);
}

/** String prefix letters Python allows before a quote: r, b, u, f and pairs of them. */
const PYTHON_PREFIX = /[rRbBuUfF]/;

/** Python. */
export function lexPython(text: string): LexedText {
  const blanks: Blanks = { comments: [], literals: [] };
  /** Open f-strings whose `{expression}` is being scanned as code. */
  const fStrings: Array<{ quote: string; braces: number }> = [];
  let braces = 0;
  let index = 0;

  /**
   * Scans a string body from `from` for `quote` (one or three characters). In an f-string a
   * single `{` opens an expression, scanned as code until its `}`.
   */
  const stringBody = (from: number, quote: string, isF: boolean): number => {
    let at = from;
    while (at < text.length) {
      const char = text[at];
      if (char === '\\') at += 2;
      else if (text.startsWith(quote, at)) break;
      else if (char === '\n' && quote.length === 1) break;
      else if (isF && char === '{' && text[at + 1] === '{') at += 2;
      else if (isF && char === '{') {
        blanks.literals.push([from, at]);
        fStrings.push({ quote, braces });
        braces += 1;
        return at + 1;
      } else at += 1;
    }
    blanks.literals.push([from, Math.min(at, text.length)]);
    return text.startsWith(quote, at) ? at + quote.length : at;
  };

  const special = /[#'"{}]/g;
  while (index < text.length) {
    special.lastIndex = index;
    const found = special.exec(text);
    if (!found) break;
    index = found.index;
    const char = text[index]!;
    if (char === '#') {
      index = lineComment(text, index, blanks);
    } else if (char === "'" || char === '"') {
      // The prefix letters right before the quote (`f"`, `rb'`), not part of a longer name.
      let start = index;
      while (start > 0 && index - start < 2 && PYTHON_PREFIX.test(text[start - 1]!)) start -= 1;
      const isPrefix = start === 0 || !/\w/.test(text[start - 1]!);
      const isF = isPrefix && /f/i.test(text.slice(start, index));
      const quote = text.startsWith(char.repeat(3), index) ? char.repeat(3) : char;
      index = stringBody(index + quote.length, quote, isF);
    } else if (char === '}' && fStrings.length > 0 && braces - 1 === fStrings.at(-1)!.braces) {
      const { quote } = fStrings.pop()!;
      braces -= 1;
      index = stringBody(index + 1, quote, true);
    } else {
      if (char === '{') braces += 1;
      else if (char === '}') braces -= 1;
      index += 1;
    }
  }
  return viewsOf(text, blanks);
}
