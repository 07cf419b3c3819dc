import type { Finding, Rule } from '../../types.ts';
import { findingOf, positionOf } from '../define-rule.ts';
import { JS_AI_SDKS } from './ai-sdks.ts';
import { valueImports } from './imports.ts';
import { sourceViews, type SourceView } from './source-files.ts';

/** One directive of the prologue: a string statement (`'use strict';`, `"use client"`). */
const DIRECTIVE = /\s*(['"])([^'"\n]*)\1\s*;?/y;

/**
 * Whether the file starts with the `'use client'` directive. React only honours it in the
 * directive prologue: before any import or code (comments are blank in `code`). The same
 * string later in the file, in a comment or inside another string, is not the directive.
 */
export function isClientModule(code: string): boolean {
  let at = code.startsWith('#!') ? code.indexOf('\n') + 1 : 0;
  for (;;) {
    DIRECTIVE.lastIndex = at;
    const directive = DIRECTIVE.exec(code);
    if (!directive) return false;
    if (directive[2] === 'use client') return true;
    at = DIRECTIVE.lastIndex;
  }
}

/** Where the file's browser code imports an AI SDK: the module and the offset of the import. */
function browserImports(view: SourceView): Array<[string, number]> {
  const imported = [...valueImports(view)].filter(([module]) => (JS_AI_SDKS as readonly string[]).includes(module));
  if (view.browserScripts) return imported.filter(([, index]) => view.browserScripts!.some(([start, end]) => index >= start && index < end));
  return isClientModule(view.code) ? imported : [];
}

const where = (view: SourceView) => (view.browserScripts ? `a <script> block of a .${view.file.split('.').pop()} component` : "a 'use client' file");

export const aiSdkInBrowser: Rule = {
  id: 'ai-sdk-in-browser',
  title: 'AI SDK imported by browser code',
  severity: 'high',
  why: 'Browser code runs on the visitor\'s machine: for the SDK to work there the API key must be sent along, and anyone can read it from the page or the network tab and spend on your account.',
  fix: "Call the provider only from server code: move the SDK call into a route handler, server action (a 'use server' file) or backend endpoint, and have the component fetch that route (the Vercel AI SDK's useChat does this). Keep the key in a server-only variable without a public prefix.",
  ignorable: 'anywhere',
  check(repository) {
    const findings: Finding[] = [];
    for (const view of sourceViews(repository)) {
      if (view.language !== 'js') continue;
      for (const [module, index] of browserImports(view)) {
        findings.push(findingOf(aiSdkInBrowser, view.file, `\`${module}\` is imported in ${where(view)}: the SDK, and the key it needs, would run in every visitor's browser`, positionOf(view.text, index)));
      }
    }
    return findings;
  },
};
