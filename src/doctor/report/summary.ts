import type { Audit } from '../audit.ts';
import { SEVERITIES, severityRank, type Severity } from '../types.ts';

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(audit: Audit): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as SeverityCounts;
  for (const finding of audit.findings) counts[finding.severity] += 1;
  return counts;
}

/** Whether the audit should fail the build: a finding at `failOn` or worse. */
export const failsAt = (audit: Audit, failOn: Severity): boolean => audit.findings.some((finding) => severityRank(finding.severity) >= severityRank(failOn));
