import type { SourceView } from './source-files.ts';

/**
 * Reading a call's arguments from the skeleton (strings and comments blanked, see lex.ts),
 * so brackets and commas inside strings never count. Positions are offsets in the file.
 */

export interface Span {
  start: number;
  end: number;
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

/** Longer than this, a call's arguments are generated data, not code someone wrote: not read. */
const MAX_ARGUMENTS_LENGTH = 20_000;

/**
 * The bracket pairs of the file last asked about: a rule asks about many calls of one file
 * in a row. (One file's, not every file's: they would take four bytes per character.)
 */
let lastPairs: { view: SourceView; closing: Int32Array } | undefined;

/**
 * For each opening bracket of the skeleton, the offset of the bracket that closes it (any
 * of `)]}` closes any of `([{`, as in a depth count), or -1. One pass for the whole file,
 * so a file full of unclosed `(` costs no more than one that balances.
 */
function closingBrackets(view: SourceView): Int32Array {
  if (lastPairs?.view === view) return lastPairs.closing;
  const { skeleton } = view;
  const closing = new Int32Array(skeleton.length).fill(-1);
  const open: number[] = [];
  // Jumps from bracket to bracket: most characters are not one.
  const bracket = /[()[\]{}]/g;
  for (let found = bracket.exec(skeleton); found; found = bracket.exec(skeleton)) {
    const char = found[0];
    if (char === '(' || char === '[' || char === '{') open.push(found.index);
    else if (open.length > 0) closing[open.pop()!] = found.index;
  }
  lastPairs = { view, closing };
  return closing;
}

/**
 * The arguments of the call whose `(` is at `open`: the span between the parentheses, or
 * undefined when they never balance (a truncated or unparsable file) or run longer than
 * MAX_ARGUMENTS_LENGTH.
 */
export function callArguments(view: SourceView, open: number): Span | undefined {
  const close = closingBrackets(view)[open] ?? -1;
  if (close === -1 || close - open > MAX_ARGUMENTS_LENGTH) return undefined;
  return { start: open + 1, end: close };
}

/** The parts of `span` separated by commas outside any bracket, trimmed, empty ones dropped. */
export function splitTopLevel(skeleton: string, span: Span): Span[] {
  const parts: Span[] = [];
  let depth = 0;
  let start = span.start;
  const push = (end: number) => {
    const trimmed = trim(skeleton, { start, end });
    if (trimmed.end > trimmed.start) parts.push(trimmed);
  };
  for (let index = span.start; index < span.end; index += 1) {
    const char = skeleton[index]!;
    if (char in OPENERS) depth += 1;
    else if (CLOSERS.has(char)) depth -= 1;
    else if (char === ',' && depth === 0) {
      push(index);
      start = index + 1;
    }
  }
  push(span.end);
  return parts;
}

/** `span` without the whitespace at either end. */
export function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  return { start, end };
}

/**
 * Named values passed to a call, from an object literal (JS) or keyword arguments (Python).
 * `opaque` when some of them cannot be seen: a spread (`...options`, `**kwargs`), a
 * computed key. A rule then cannot say a key is missing, only that one it sees is wrong.
 */
export interface NamedValues {
  values: Map<string, Span>;
  opaque: boolean;
}

const JS_PROPERTY = /^(?:(['"])([^'"]*)\1|([A-Za-z_$][\w$]*))\s*(:|\(|$)/;

/**
 * The properties of the object literal that `span` is, or undefined when it is not one (a
 * variable, a call): then nothing can be said about its keys. A shorthand `{ timeout }`
 * is present with its own name as the value.
 */
export function objectLiteral(view: SourceView, span: Span): NamedValues | undefined {
  if (view.skeleton[span.start] !== '{' || view.skeleton[span.end - 1] !== '}') return undefined;
  const named: NamedValues = { values: new Map(), opaque: false };
  for (const property of splitTopLevel(view.skeleton, { start: span.start + 1, end: span.end - 1 })) {
    const text = view.code.slice(property.start, property.end);
    if (text.startsWith('...')) {
      named.opaque = true;
      continue;
    }
    const match = JS_PROPERTY.exec(text);
    if (!match) {
      named.opaque = true;
      continue;
    }
    const key = match[2] ?? match[3]!;
    const valueStart = match[4] === ':' ? property.start + match[0].length : property.start;
    if (!named.values.has(key)) named.values.set(key, trim(view.code, { start: valueStart, end: property.end }));
  }
  return named;
}

const PYTHON_KEYWORD = /^([A-Za-z_]\w*)\s*=(?!=)/;

/** The keyword arguments of a Python call; `**kwargs` makes them opaque. */
export function keywordArguments(view: SourceView, span: Span): NamedValues {
  const named: NamedValues = { values: new Map(), opaque: false };
  for (const argument of splitTopLevel(view.skeleton, span)) {
    const text = view.code.slice(argument.start, argument.end);
    if (text.startsWith('**')) {
      named.opaque = true;
      continue;
    }
    const match = PYTHON_KEYWORD.exec(text);
    if (match && !named.values.has(match[1]!)) named.values.set(match[1]!, trim(view.code, { start: argument.start + match[0].length, end: argument.end }));
  }
  return named;
}

/** The named values a call passes: the first argument's object literal in JS, keywords in Python. */
export function namedArguments(view: SourceView, args: Span): NamedValues | undefined {
  if (view.language === 'python') return keywordArguments(view, args);
  const [first] = splitTopLevel(view.skeleton, args);
  if (!first) return { values: new Map(), opaque: false };
  return objectLiteral(view, first);
}
