import { isCodeAt, type SourceView } from './source-files.ts';

/**
 * The modules a file imports as values (type-only imports erase at build time and ship
 * nothing), each with the offset of its first import. JS: `import x from`, `import {}
 * from`, `import 'm'`, `export ... from`, `require('m')`, `import('m')`. Python: `import m`,
 * `from m import x` (top-level package name only: `openai.types` counts as `openai`).
 */

/** `import [type] <clause> from 'm'`: the clause holds only names, braces, commas, `*` and `as`. */
const JS_IMPORT_FROM = /\bimport\s+(type\s+)?([\w$*{}\s,]*?)\s*from\s*(['"])([^'"\n]+)\3/g;
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
  for (const match of view.code.matchAll(JS_IMPORT_FROM)) {
    if (!match[1] && !isTypeOnlyClause(match[2]!)) add(match[4]!, match.index);
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
