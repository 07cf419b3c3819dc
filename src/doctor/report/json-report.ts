import type { Audit } from '../audit.ts';
import { RULES } from '../rules/index.ts';
import type { Severity } from '../types.ts';
import { countBySeverity, failsAt } from './summary.ts';

/**
 * `--json`: one object on stdout. Each finding carries its rule's title, why and fix, so a
 * script needs nothing else to show it. Paths are relative to `directory`.
 */
export function jsonReport(audit: Audit, failOn: Severity): string {
  const ruleOf = new Map(RULES.map((rule) => [rule.id, rule]));
  return JSON.stringify(
    {
      ok: true,
      command: 'doctor',
      directory: audit.directory,
      scope: audit.scope,
      filesScanned: audit.filesScanned,
      failOn,
      failed: failsAt(audit, failOn),
      summary: { ...countBySeverity(audit), waived: audit.waived },
      warnings: audit.warnings,
      findings: audit.findings.map((finding) => {
        const rule = ruleOf.get(finding.ruleId);
        return { ...finding, title: rule?.title ?? finding.ruleId, why: rule?.why ?? '', fix: rule?.fix ?? '' };
      }),
    },
    null,
    2,
  );
}
