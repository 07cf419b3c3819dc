import { linesOf } from '../util/text-format.ts';
import { RULES } from './rules/index.ts';
import { openRepository } from './scan/repository.ts';
import { isWaived } from './scan/suppress.ts';
import { severityRank, type Finding, type Rule } from './types.ts';

export interface Audit {
  /** Absolute path of the audited folder. */
  directory: string;
  /** `git`: the files a commit would hold; `folder`: not a git work tree, every file walked. */
  scope: 'git' | 'folder';
  /** The folder's path inside its git work tree (`''` at the top or outside git). */
  gitPrefix: string;
  filesScanned: number;
  /** Worst first, then by file and line. */
  findings: Finding[];
  /** Findings waived by `doctor-ignore:` markers. */
  waived: number;
  /** What could not be checked (see Repository.warnings). */
  warnings: string[];
}

const byWorstFirst = (a: Finding, b: Finding): number =>
  severityRank(b.severity) - severityRank(a.severity) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId);

/** Runs every rule over the folder. Reads files and asks git; writes nothing, uses no network. */
export async function audit(directory: string, rules: readonly Rule[] = RULES): Promise<Audit> {
  const repository = await openRepository(directory);
  const findings: Finding[] = [];
  let waived = 0;
  const linesByFile = new Map<string, string[] | undefined>();
  const linesOfFile = (file: string) => {
    if (!linesByFile.has(file)) {
      const text = repository.text(file);
      linesByFile.set(file, text === undefined ? undefined : linesOf(text));
    }
    return linesByFile.get(file);
  };
  for (const rule of rules) {
    for (const finding of await rule.check(repository)) {
      if (isWaived(finding, rule, linesOfFile(finding.file))) waived += 1;
      else findings.push(finding);
    }
  }
  return { directory, scope: repository.git ? 'git' : 'folder', gitPrefix: repository.git?.prefix ?? '', filesScanned: repository.files.length, findings: findings.sort(byWorstFirst), waived, warnings: repository.warnings };
}
