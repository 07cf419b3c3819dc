/** How bad a finding is; `--fail-on` compares against this order. */
export type Severity = 'low' | 'medium' | 'high';
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

/** One thing a reviewer would flag. Never holds a secret: evidence is masked by the rule. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Relative to the scanned folder, with `/` separators. */
  file: string;
  /** 1-based; absent for findings about a whole file (a tracked `.env`, a lockfile). */
  line?: number;
  column?: number;
  /** What was found here, specific to this place (a masked key, the variable's name). */
  message: string;
}

/** What every finding of a rule shares; shown as "why it matters" and "how to fix it". */
export interface RuleInfo {
  /** Stable, kebab-case: used by `doctor-ignore:` markers, `--json` and SARIF. */
  id: string;
  title: string;
  severity: Severity;
  why: string;
  fix: string;
  /**
   * Where a `doctor-ignore: <id>` marker is honoured. Key findings may be waived only in
   * test files (a marked test sentinel), never in the code that ships.
   */
  ignorable: 'anywhere' | 'test-files';
}

export interface Rule extends RuleInfo {
  check(repository: Repository): Finding[] | Promise<Finding[]>;
}

/** The folder being audited, read once; rules only read from it. */
export interface Repository {
  /** Absolute path of the folder that was asked for. */
  root: string;
  /**
   * The files a commit would hold: git's tracked files plus untracked ones it does not
   * ignore, or (outside git) every file but dependency and build folders. Sorted.
   */
  files: readonly string[];
  /** The file's text, or undefined when it is missing, binary or too large to be source. */
  text(file: string): string | undefined;
  /** Undefined outside a git work tree (or without git). */
  git: GitView | undefined;
  /**
   * Which of these paths (relative, need not exist) `.gitignore` would ignore: git's own
   * answer in a work tree, else the `.gitignore` files read by scan/gitignore.ts.
   */
  ignored(paths: readonly string[]): Promise<ReadonlySet<string>>;
  /**
   * What could not be checked, for the report: a git command that failed, files whose
   * names could not be read. Rules add to it rather than dropping findings silently.
   */
  warnings: string[];
}

export interface GitView {
  /** Root's path inside the work tree (`''` at the top, else `packages/api/`): SARIF paths start there. */
  prefix: string;
  /** Paths (relative to root) that git tracks. */
  tracked: ReadonlySet<string>;
  /** Paths under root matching the pathspecs that any commit on any ref ever added. */
  everAdded(pathspecs: readonly string[]): Promise<readonly string[]>;
  ignored(paths: readonly string[]): Promise<ReadonlySet<string>>;
}
