import { RULES } from '../rules/index.ts';

/** `doctor --help`; the rule list comes from the rules themselves, so it cannot drift. */
export function doctorHelpText(version: string): string {
  const width = Math.max(...RULES.map((rule) => rule.id.length));
  return [
    `create-secure-ai-app ${version} doctor`,
    'Audit a repository for the AI-key mistakes the starters prevent. Reads only: it changes',
    'no file and uses no network.',
    '',
    'Usage:',
    '  npx create-secure-ai-app doctor [directory] [options]',
    '',
    'Arguments:',
    '  [directory]',
    '          the folder to audit (default: the current folder). In a git work tree it reads',
    '          the files a commit would hold (tracked, and untracked ones git does not ignore)',
    '          and the history of env files; elsewhere every file but dependency and build',
    '          folders and what .gitignore matches.',
    '',
    'Options:',
    '      --format <text|json|sarif>',
    '          text for people, json for scripts, sarif for code-scanning tools (default: text)',
    '      --json',
    '          the same as --format json',
    '      --fail-on <low|medium|high>',
    '          exit 1 when a finding of this severity or worse exists (default: low, any finding)',
    '  -h, --help',
    '          show this help',
    '',
    'Rules:',
    ...RULES.map((rule) => `  ${rule.id.padEnd(width)}  ${rule.severity.padEnd(6)}  ${rule.title}`),
    '',
    'Found keys are never printed whole: only their prefix, last four characters and length.',
    'A fake key in a test file may stay: put `doctor-ignore: hardcoded-key` on its line or the',
    'line above (any rule id works the same way; key findings are waived in test files only).',
    '',
    'Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (or the audit',
    '            failed), 2 usage or invalid input.',
  ].join('\n');
}
