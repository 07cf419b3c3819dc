import type { Audit } from '../audit.ts';
import { RULES } from '../rules/index.ts';
import type { Finding, Severity } from '../types.ts';

/** SARIF's levels, and the numbers code scanning sorts security alerts by (0-10). */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'warning', low: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.0', low: '2.0' };

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
const uriOf = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

function resultOf(finding: Finding, ruleIndex: number, gitPrefix: string) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(`${gitPrefix}${finding.file}`), uriBaseId: '%SRCROOT%' },
          // Code scanning needs a line; a finding about a whole file points at its first.
          region: { startLine: finding.line ?? 1, ...(finding.column ? { startColumn: finding.column } : {}) },
        },
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning among them). Every rule is
 * listed, found or not, so a tool can show what was checked. Paths are relative to the
 * top of the git work tree (%SRCROOT%), which is where such tools resolve them, even
 * when a subfolder was audited; outside git, relative to the audited folder.
 */
export function sarifReport(audit: Audit, version: string): string {
  const indexOf = new Map(RULES.map((rule, index) => [rule.id, index]));
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'create-secure-ai-app doctor',
              semanticVersion: version,
              rules: RULES.map((rule) => ({
                id: rule.id,
                name: rule.id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
                shortDescription: { text: rule.title },
                fullDescription: { text: rule.why },
                help: { text: rule.fix, markdown: `**Why it matters.** ${rule.why}\n\n**How to fix it.** ${rule.fix}` },
                defaultConfiguration: { level: LEVEL[rule.severity] },
                properties: { tags: ['security'], precision: 'high', 'security-severity': SECURITY_SEVERITY[rule.severity] },
              })),
            },
          },
          // What could not be checked, where code-scanning tools show a tool's own notices.
          invocations: [{ executionSuccessful: true, toolExecutionNotifications: audit.warnings.map((warning) => ({ level: 'warning', message: { text: warning } })) }],
          columnKind: 'utf16CodeUnits',
          results: audit.findings.map((finding) => resultOf(finding, indexOf.get(finding.ruleId) ?? -1, audit.gitPrefix)),
        },
      ],
    },
    null,
    2,
  );
}
