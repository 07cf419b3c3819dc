import Handlebars from 'handlebars';

/**
 * An isolated Handlebars instance: strict (a missing value is an error, not an empty
 * string) and without HTML escaping (we write code and Markdown, not HTML). Values that
 * land inside a string literal go through a helper that escapes for that context.
 */
const handlebars = Handlebars.create();

// JSON string literal, valid in JSON, JS and TS: {{json name}} -> "my-app"
handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
// Inline Markdown text: escapes the characters that would start markup or break a table.
handlebars.registerHelper('md', (value: unknown) =>
  String(value)
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\`*_{}[\]()<>#+!|~])/g, '\\$1'),
);
// TOML basic string: {{toml name}} -> "my-app" (JSON escapes are valid TOML escapes for these).
handlebars.registerHelper('toml', (value: unknown) => JSON.stringify(String(value)));

export type TemplateContext = Record<string, unknown>;

export function renderTemplate(source: string, context: TemplateContext, sourceName: string): string {
  try {
    return handlebars.compile(source, { strict: true, noEscape: true })(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`template ${sourceName} failed to render: ${reason}`);
  }
}
