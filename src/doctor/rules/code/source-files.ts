import type { Repository } from '../../types.ts';
import { lexJs, lexPython, type LexedText } from './lex.ts';

/**
 * Which files are source code, and each one's views (see lex.ts), built once per audit and
 * shared by every code rule.
 */

const SOURCE = /\.(js|jsx|ts|tsx|mjs|cjs|mts|cts|vue|svelte|astro|py)$/;
/** Type declarations hold no statements; minified bundles are build output, not source. */
const NOT_SOURCE = /\.d\.[cm]?ts$|[.-]min\.[cm]?js$/;
const MARKUP = /\.(vue|svelte|astro)$/;

export const isSourceFile = (file: string): boolean => SOURCE.test(file) && !NOT_SOURCE.test(file);

export interface SourceView extends LexedText {
  file: string;
  language: 'js' | 'python';
  /** The file as read. */
  text: string;
  /**
   * For `.vue`, `.svelte` and `.astro`: the [start, end) ranges of script that runs in the
   * browser. Markup outside `<script>` blocks (and Astro's server-side frontmatter) is
   * blank in the skeleton, kept in `code` (its HTML comments blanked).
   */
  browserScripts?: Array<readonly [number, number]>;
}

/**
 * The bodies of `<script ...>` blocks, as [start, end) offsets. Found with indexOf rather
 * than one regex, so a file of unclosed `<script` tags costs one pass, not its square.
 */
function scriptBodies(text: string): Array<{ start: number; end: number }> {
  const lower = text.toLowerCase();
  const bodies: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (;;) {
    const open = lower.indexOf('<script', at);
    if (open === -1) break;
    const nameEnd = open + '<script'.length;
    if (/[\w-]/.test(lower[nameEnd] ?? '')) {
      at = nameEnd;
      continue;
    }
    const tagEnd = lower.indexOf('>', nameEnd);
    if (tagEnd === -1) break;
    const close = lower.indexOf('</script', tagEnd + 1);
    if (close === -1) break;
    bodies.push({ start: tagEnd + 1, end: close });
    at = close + '</script'.length;
  }
  return bodies;
}

/** `<!-- ... -->` comments blanked (an unclosed one runs to the end), offsets kept. */
function withoutHtmlComments(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<!--', at);
    if (open === -1) return out + text.slice(at);
    const close = text.indexOf('-->', open + 4);
    const end = close === -1 ? text.length : close + 3;
    out += text.slice(at, open) + spaces(text.slice(open, end));
    at = end;
  }
}
/** Astro's `---` fenced frontmatter: TypeScript that runs on the server only. */
const ASTRO_FRONTMATTER = /^(\s*---\r?\n)([\s\S]*?)\r?\n---/;

const spaces = (text: string) => text.replace(/[^\n]/g, ' ');

/** A single-file component: its scripts lexed as JS in place, its markup left out of the skeleton. */
function lexMarkup(file: string, text: string): { lexed: LexedText; browserScripts: Array<readonly [number, number]> } {
  const scripts: Array<{ start: number; end: number; browser: boolean }> = [];
  const frontmatter = file.endsWith('.astro') ? ASTRO_FRONTMATTER.exec(text) : null;
  if (frontmatter) scripts.push({ start: frontmatter[1]!.length, end: frontmatter[1]!.length + frontmatter[2]!.length, browser: false });
  // Nuxt's `*.server.vue` components render on the server only.
  for (const body of scriptBodies(text)) scripts.push({ ...body, browser: !file.endsWith('.server.vue') });
  let code = withoutHtmlComments(text);
  let skeleton = spaces(text);
  for (const script of scripts) {
    const lexed = lexJs(text.slice(script.start, script.end));
    code = code.slice(0, script.start) + lexed.code + code.slice(script.end);
    skeleton = skeleton.slice(0, script.start) + lexed.skeleton + skeleton.slice(script.end);
  }
  return { lexed: { code, skeleton }, browserScripts: scripts.filter((script) => script.browser).map((script) => [script.start, script.end] as const) };
}

function viewOf(file: string, text: string): SourceView {
  if (file.endsWith('.py')) return { file, language: 'python', text, ...lexPython(text) };
  if (MARKUP.test(file)) {
    const { lexed, browserScripts } = lexMarkup(file, text);
    return { file, language: 'js', text, ...lexed, browserScripts };
  }
  return { file, language: 'js', text, ...lexJs(text) };
}

const VIEWS = new WeakMap<Repository, Map<string, SourceView | undefined>>();

/** The repository's source files, lexed once per audit (the cache goes with the repository). */
export function sourceViews(repository: Repository): SourceView[] {
  let views = VIEWS.get(repository);
  if (!views) VIEWS.set(repository, (views = new Map()));
  const result: SourceView[] = [];
  for (const file of repository.files) {
    if (!isSourceFile(file)) continue;
    if (!views.has(file)) {
      const text = repository.text(file);
      views.set(file, text === undefined ? undefined : viewOf(file, text));
    }
    const view = views.get(file);
    if (view) result.push(view);
  }
  return result;
}

/** Whether the skeleton kept the character at `index`: it is code, not inside a string or comment. */
export const isCodeAt = (view: SourceView, index: number): boolean => view.skeleton[index] === view.text[index];
