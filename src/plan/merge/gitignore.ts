import type { Layer } from '../../layers/define-layer.ts';

type GitignoreSection = NonNullable<Layer['gitignore']>[number];
import { appendLines, linesOf } from '../../util/text-format.ts';

export const BLOCK_START = '# >>> create-secure-ai-app >>>';
export const BLOCK_END = '# <<< create-secure-ai-app <<<';

/**
 * The patterns the project needs that `existing` lacks, in our order. A negation such
 * as `!.env.example` only works AFTER the pattern it excepts, so when an earlier
 * pattern of its section is added, the negations after it are added again too.
 */
export function missingPatterns(existingText: string, sections: readonly GitignoreSection[]): string[] {
  const present = new Set(linesOf(existingText).map((line) => line.trim()));
  const missing: string[] = [];
  for (const section of sections) {
    let addedInSection = false;
    for (const pattern of section.patterns) {
      const needed = !present.has(pattern) || (addedInSection && pattern.startsWith('!'));
      if (needed && !missing.includes(pattern)) missing.push(pattern);
      if (needed) addedInSection = true;
    }
  }
  return missing;
}

/** Where each line of `text` starts, whatever its line endings. */
function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** The line ending of the line just before `offset` (the one our new lines follow). */
const eolBefore = (text: string, offset: number): string => (text.slice(Math.max(0, offset - 2), offset) === '\r\n' ? '\r\n' : '\n');

/**
 * Adds only the missing patterns, inside one marked block at the end, so the user
 * sees at a glance what the tool added. Lines of the file are never changed or
 * reordered; a second run finds nothing missing and returns the text unchanged.
 */
export function mergeGitignore(existingText: string, sections: readonly GitignoreSection[]): string {
  const missing = missingPatterns(existingText, sections);
  if (missing.length === 0) return existingText;
  const lines = linesOf(existingText).map((line) => line.trimEnd());
  const endOfBlock = lines.lastIndexOf(BLOCK_END);
  if (endOfBlock > lines.lastIndexOf(BLOCK_START) && lines.includes(BLOCK_START)) {
    // Our block from an earlier run: grow it rather than add a second one, in the
    // line ending the block already uses (files can mix them).
    const offset = lineStartOffsets(existingText)[endOfBlock]!;
    const eol = eolBefore(existingText, offset);
    return existingText.slice(0, offset) + missing.map((pattern) => `${pattern}${eol}`).join('') + existingText.slice(offset);
  }
  const spacer = lines.length > 0 && lines.at(-1)?.trim() !== '' ? [''] : [];
  return appendLines(existingText, [...spacer, BLOCK_START, '# Added by create-secure-ai-app: keeps secrets and local files out of git.', ...missing, BLOCK_END]);
}
