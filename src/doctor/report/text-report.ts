import type { Audit } from '../audit.ts';
import { RULES } from '../rules/index.ts';
import { severityRank, type Finding, type Severity } from '../types.ts';
import { printable } from '../../util/printable.ts';
import { countBySeverity, failsAt } from './summary.ts';

const placeOf = (finding: Finding): string => printable(`${finding.file}${finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : ''}`);

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * For people: findings grouped by rule, worst first; each rule's places, then once why
 * it matters and how to fix it. Ends with one summary line and the verdict.
 */
export function textReport(audit: Audit, failOn: Severity): string {
  const counts = countBySeverity(audit);
  const lines = [`Audited ${printable(audit.directory)}: ${plural(audit.filesScanned, 'file')} (${audit.scope === 'git' ? 'tracked and not-ignored files, and git history' : 'not a git work tree: every file outside dependency folders'}).`];
  // Worst first; within a severity, in the rules' own order (keys, env files, code, dependencies).
  const worstFirst = [...RULES].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  for (const rule of worstFirst) {
    const findings = audit.findings.filter((finding) => finding.ruleId === rule.id);
    if (findings.length === 0) continue;
    lines.push('', `${rule.severity.toUpperCase()}  ${rule.title} [${rule.id}]`);
    for (const finding of findings) lines.push(`  ${placeOf(finding)}  ${printable(finding.message)}`);
    lines.push(`  Why it matters: ${rule.why}`, `  How to fix it: ${rule.fix}`);
  }
  if (audit.warnings.length > 0) lines.push('', ...audit.warnings.map((warning) => `Not checked: ${printable(warning)}`));
  const waived = audit.waived > 0 ? ` ${plural(audit.waived, 'finding')} waived by doctor-ignore markers.` : '';
  lines.push('');
  if (audit.findings.length === 0) lines.push(`No findings.${waived}`);
  else {
    lines.push(`${plural(audit.findings.length, 'finding')}: ${counts.high} high, ${counts.medium} medium, ${counts.low} low.${waived}`);
    lines.push(failsAt(audit, failOn) ? `Failing: at least one finding is ${failOn} or worse (--fail-on ${failOn}).` : `Passing: nothing is ${failOn} or worse (--fail-on ${failOn}).`);
  }
  return lines.join('\n');
}
