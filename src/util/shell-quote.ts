/**
 * Quotes a path for a command we print for the user to paste into a POSIX shell, only
 * when it needs it: spaces, `;` or `$(...)` in a file name stay part of the name.
 */
export const shellQuote = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`);
