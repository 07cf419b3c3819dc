import type { Finding, Rule } from '../types.ts';

/**
 * A finding of `rule` at a place: the rule's id and severity filled in, so a rule file
 * only says where and what.
 */
export const findingOf = (rule: Pick<Rule, 'id' | 'severity'>, file: string, message: string, position: { line?: number; column?: number } = {}): Finding => ({
  ruleId: rule.id,
  severity: rule.severity,
  file,
  ...(position.line !== undefined ? { line: position.line } : {}),
  ...(position.column !== undefined ? { column: position.column } : {}),
  message,
});

/** 1-based line and column of a 0-based offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
