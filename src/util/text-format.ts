/** How an existing text file is laid out, so an edit can match it. */
export interface TextFormat {
  /** `\r\n` when the file already uses it, else `\n`. */
  eol: string;
  endsWithNewline: boolean;
}

export function textFormatOf(text: string): TextFormat {
  return { eol: text.includes('\r\n') ? '\r\n' : '\n', endsWithNewline: text === '' || /\r?\n$/.test(text) };
}

/** The file's lines without their line endings (a final newline adds no empty line). */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Appends `lines` after the existing text, keeping every existing byte: the file's own
 * line ending is used, and a missing final newline is added first (so nothing joins).
 */
export function appendLines(text: string, lines: readonly string[]): string {
  const { eol, endsWithNewline } = textFormatOf(text);
  const separator = text === '' || endsWithNewline ? '' : eol;
  return `${text}${separator}${lines.map((line) => `${line}${eol}`).join('')}`;
}

/** JSON.parse that accepts the UTF-8 byte order mark some editors write (npm accepts it too). */
export const parseJsonText = (text: string): unknown => JSON.parse(text.replace(/^\uFEFF/, ''));
