/**
 * Text from outside (a repository's file names, an error carrying them) made safe for a
 * terminal: control characters shown as `\u001b`-style escapes, so a name holding escape
 * sequences cannot clear or rewrite the screen.
 */
export const printable = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
