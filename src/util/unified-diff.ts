import { linesOf } from './text-format.ts';

const CONTEXT_LINES = 3;
/** Above this many lines on both sides the LCS table gets large; show a whole-file replace instead. */
const MAX_LINES = 4_000;

/** Marks a last line without a final newline, so adding one shows as a change, as in `diff -u`. */
const NO_NEWLINE = '\u0000';

function diffLines(text: string): string[] {
  const lines = linesOf(text);
  if (lines.length > 0 && !/\n$/.test(text)) lines[lines.length - 1] += NO_NEWLINE;
  return lines;
}

type Edit = { kind: ' ' | '-' | '+'; line: string; oldIndex: number; newIndex: number };

/** Longest-common-subsequence edit script; files we merge are small. */
function editScript(before: readonly string[], after: readonly string[]): Edit[] {
  if (before.length * after.length > MAX_LINES * MAX_LINES / 4) {
    return [
      ...before.map((line, i) => ({ kind: '-' as const, line, oldIndex: i, newIndex: 0 })),
      ...after.map((line, i) => ({ kind: '+' as const, line, oldIndex: before.length, newIndex: i })),
    ];
  }
  const rows = before.length + 1;
  const columns = after.length + 1;
  const table = new Uint32Array(rows * columns);
  for (let i = before.length - 1; i >= 0; i--) {
    for (let j = after.length - 1; j >= 0; j--) {
      table[i * columns + j] =
        before[i] === after[j] ? (table[(i + 1) * columns + j + 1] ?? 0) + 1 : Math.max(table[(i + 1) * columns + j] ?? 0, table[i * columns + j + 1] ?? 0);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      edits.push({ kind: ' ', line: before[i]!, oldIndex: i++, newIndex: j++ });
    } else if (i < before.length && (j === after.length || (table[(i + 1) * columns + j] ?? 0) >= (table[i * columns + j + 1] ?? 0))) {
      // Removals before additions, as `diff -u` shows a changed line.
      edits.push({ kind: '-', line: before[i]!, oldIndex: i++, newIndex: j });
    } else {
      edits.push({ kind: '+', line: after[j]!, oldIndex: i, newIndex: j++ });
    }
  }
  return edits;
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`);

/**
 * A unified diff (`diff -u` style) of two texts, for --dry-run. Empty when they are
 * equal. CRLF and LF count as the same ending: merges keep the file's own endings.
 */
export function unifiedDiff(path: string, beforeText: string | undefined, afterText: string): string {
  if (beforeText === afterText) return '';
  const before = diffLines(beforeText ?? '');
  const after = diffLines(afterText);
  const edits = editScript(before, after);
  const changed = edits.flatMap((edit, index) => (edit.kind === ' ' ? [] : [index]));
  const output = [`--- ${beforeText === undefined ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
  let cursor = 0;
  while (cursor < changed.length) {
    const start = Math.max(0, changed[cursor]! - CONTEXT_LINES);
    let end = changed[cursor]!;
    while (cursor < changed.length && changed[cursor]! - end <= CONTEXT_LINES * 2) end = changed[cursor++]!;
    end = Math.min(edits.length - 1, end + CONTEXT_LINES);
    const hunk = edits.slice(start, end + 1);
    const oldCount = hunk.filter((edit) => edit.kind !== '+').length;
    const newCount = hunk.filter((edit) => edit.kind !== '-').length;
    const first = hunk[0]!;
    output.push(`@@ -${range(first.oldIndex + 1, oldCount)} +${range(first.newIndex + 1, newCount)} @@`);
    for (const edit of hunk) {
      const missingNewline = edit.line.endsWith(NO_NEWLINE);
      output.push(`${edit.kind}${missingNewline ? edit.line.slice(0, -NO_NEWLINE.length) : edit.line}`);
      if (missingNewline) output.push('\\ No newline at end of file');
    }
  }
  return `${output.join('\n')}\n`;
}
