import type { Finding, RuleInfo } from '../types.ts';
import { isTestFile } from './test-files.ts';

/** `// doctor-ignore: hardcoded-key` (any comment style), naming the rules it waives. */
const MARKER = /doctor-ignore:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/g;

function waivedOn(line: string | undefined): Set<string> {
  const ids = new Set<string>();
  for (const match of (line ?? '').matchAll(MARKER)) for (const id of match[1]!.split(',')) ids.add(id.trim());
  return ids;
}

/**
 * Whether a finding is waived by a marker on its line or the line above. A marker names
 * its rules (there is no blanket waiver), and a rule that is `ignorable` only in test
 * files keeps reporting a marked line anywhere else.
 */
export function isWaived(finding: Finding, rule: RuleInfo, lines: readonly string[] | undefined): boolean {
  if (finding.line === undefined || !lines) return false;
  if (rule.ignorable === 'test-files' && !isTestFile(finding.file)) return false;
  return [lines[finding.line - 1], lines[finding.line - 2]].some((line) => waivedOn(line).has(rule.id));
}
