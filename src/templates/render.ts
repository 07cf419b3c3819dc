import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type HandlebarsType from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime';

/**
 * Templates are compiled at build time (scripts/build.mjs writes dist/precompiled-templates.mjs),
 * so a run loads only Handlebars' small runtime, not its compiler. A template whose
 * source differs from what was compiled (running from source, or edited templates) is
 * compiled here instead, with the same options.
 */
export const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/**
 * An isolated Handlebars instance: strict (a missing value is an error, not an empty
 * string) and without HTML escaping (we write code and Markdown, not HTML). Values that
 * land inside a string literal go through a helper that escapes for that context.
 */
function withHelpers(instance: typeof HandlebarsType): typeof HandlebarsType {
  // JSON string literal, valid in JSON, JS and TS: {{json name}} -> "my-app"
  instance.registerHelper('json', (value: unknown) => JSON.stringify(value));
  // Inline Markdown text: escapes the characters that would start markup or break a table.
  instance.registerHelper('md', (value: unknown) =>
    String(value)
      .replace(/[\r\n]+/g, ' ')
      .replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1'),
  );
  // TOML basic string: {{toml name}} -> "my-app" (JSON escapes are valid TOML escapes for these).
  instance.registerHelper('toml', (value: unknown) => JSON.stringify(String(value)));
  return instance;
}

const handlebars = withHelpers((HandlebarsRuntime as unknown as typeof HandlebarsType).create());

export type TemplateContext = Record<string, unknown>;
type Delegate = (context: TemplateContext) => string;

/** What the build compiled: template name (layer/path) -> hash of its source and its spec. */
export type PrecompiledTemplates = Record<string, { sha1: string; spec: Parameters<typeof HandlebarsType.template>[0] }>;

let precompiled: PrecompiledTemplates = {};
let compiler: typeof HandlebarsType | undefined;

export const sourceHash = (source: string): string => createHash('sha1').update(source).digest('hex');

/**
 * Loads the build's compiled templates, if there are any beside the bundle (none when
 * running from source). Called once, by loadTemplates, before any rendering.
 */
export async function loadPrecompiledTemplates(): Promise<void> {
  const url = new URL('./precompiled-templates.mjs', import.meta.url);
  precompiled = await import(url.href).then((module: { default: PrecompiledTemplates }) => module.default, () => ({}));
}

/**
 * The compiler, only for a template the build did not compile. The bundle never takes
 * this path (its templates ship beside it); running from source, handlebars is installed.
 */
function compile(source: string): Delegate {
  compiler ??= withHelpers((createRequire(import.meta.url)('handlebars') as typeof HandlebarsType).create());
  return compiler.compile(source, COMPILE_OPTIONS) as Delegate;
}

export function renderTemplate(source: string, context: TemplateContext, sourceName: string): string {
  try {
    const built = precompiled[sourceName];
    const template = built && built.sha1 === sourceHash(source) ? (handlebars.template(built.spec) as Delegate) : compile(source);
    return template(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`template ${sourceName} failed to render: ${reason}`);
  }
}
