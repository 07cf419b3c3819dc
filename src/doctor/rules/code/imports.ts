import { isCodeAt, type SourceView } from './source-files.ts';

/**
 * The modules a file imports as values (type-only imports erase at build time and ship
 * nothing), each with the offset of its first import. JS: `import x from`, `import {}
 * from`, `import 'm'`, `export ... from`, `require('m')`, `import('m')`. Python: `import m`,
 * `from m import x` (top-level package name only: `openai.types` counts as `openai`).
 */

/** Where an `import <clause> from 'm'` may start. */
const JS_IMPORT_KEYWORD = /\bimport\s+/g;
/** One token of an import clause: white space, a name, or one of `*{},`. */
const CLAUSE_TOKEN = /\s+|[\w$]+|[*{},]/y;
const FROM_MODULE = /\s*(['"])([^'"\n]+)\1/y;
/** Longer than this, it is not an import clause someone wrote. */
const MAX_CLAUSE_LENGTH = 4000;

/**
 * `import [type] <clause> from 'm'`, read token by token from after `import `: the clause
 * holds only names, braces, commas, `*` and `as`, and ends at the word `from` followed by
 * a quoted module. (One regex for all of it backtracks for ever on a long run of spaces.)
 */
function importFrom(code: string, clauseStart: number): { clause: string; module: string } | undefined {
  let at = clauseStart;
  while (at < code.length && at - clauseStart < MAX_CLAUSE_LENGTH) {
    CLAUSE_TOKEN.lastIndex = at;
    const token = CLAUSE_TOKEN.exec(code);
    if (!token) return undefined;
    if (token[0] === 'from' && at > clauseStart) {
      FROM_MODULE.lastIndex = at + token[0].length;
      const module = FROM_MODULE.exec(code);
      if (module) return { clause: code.slice(clauseStart, at), module: module[2]! };
    }
    at += token[0].length;
  }
  return undefined;
}
const JS_EXPORT_FROM = /\bexport\s+(type\s+)?(?:\*(?:\s+as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"\n]+)\2/g;
const JS_BARE_IMPORT = /\bimport\s*(['"])([^'"\n]+)\1/g;
const JS_CALL_IMPORT = /\b(?:require|import)\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

const PYTHON_IMPORT = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([\w. \t,]+))/gm;

/** `{ type A, type B }`: every named import is a type, nothing is imported at run time. */
const isTypeOnlyClause = (clause: string): boolean => {
  const named = /^\{([^}]*)\}$/.exec(clause.trim());
  if (!named) return false;
  const names = named[1]!.split(',').map((name) => name.trim()).filter(Boolean);
  return names.length > 0 && names.every((name) => name.startsWith('type '));
};

function jsImports(view: SourceView): Map<string, number> {
  const modules = new Map<string, number>();
  const add = (module: string, index: number) => {
    if (isCodeAt(view, index) && (modules.get(module) ?? Infinity) > index) modules.set(module, index);
  };
  for (const match of view.code.matchAll(JS_IMPORT_KEYWORD)) {
    const found = importFrom(view.code, match.index + match[0].length);
    // `import type X from` erases; `import type from 'm'` imports a default named type.
    const typeOnly = found !== undefined && /^type\s/.test(found.clause) && found.clause.trim() !== 'type';
    if (found && !typeOnly && !isTypeOnlyClause(found.clause)) add(found.module, match.index);
  }
  for (const match of view.code.matchAll(JS_EXPORT_FROM)) if (!match[1]) add(match[3]!, match.index);
  for (const match of view.code.matchAll(JS_BARE_IMPORT)) add(match[2]!, match.index);
  for (const match of view.code.matchAll(JS_CALL_IMPORT)) add(match[2]!, match.index);
  return modules;
}

function pythonImports(view: SourceView): Map<string, number> {
  const modules = new Map<string, number>();
  for (const match of view.skeleton.matchAll(PYTHON_IMPORT)) {
    const names = match[1] ? [match[1]] : match[2]!.split(',').map((part) => part.trim().split(/\s+/)[0]!);
    for (const name of names) {
      const top = name.split('.')[0]!;
      if (top && !modules.has(top)) modules.set(top, match.index + match[0].length - match[0].trimStart().length);
    }
  }
  return modules;
}

const CACHE = new WeakMap<SourceView, Map<string, number>>();

export function valueImports(view: SourceView): Map<string, number> {
  let modules = CACHE.get(view);
  if (!modules) CACHE.set(view, (modules = view.language === 'python' ? pythonImports(view) : jsImports(view)));
  return modules;
}

/** Whether the file imports any of these modules as a value. */
export const importsAny = (view: SourceView, modules: readonly string[]): boolean => modules.some((module) => valueImports(view).has(module));
