/**
 * Renders a user-given value for an error message: quoted, control characters escaped,
 * and cut short, so a hostile value cannot rewrite the terminal or flood it.
 */
export function showValue(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : String(value);
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut);
}
