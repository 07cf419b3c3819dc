/** Write a whole file. The only kind of file operation a new project needs. */
export interface CreateOp {
  type: 'create';
  /** Relative POSIX path inside the target directory. */
  path: string;
  content: string | Buffer;
  /** Unix permission bits; plain files get the process umask default. */
  mode?: number;
}

/**
 * Change a file the project shares with us (package.json, .gitignore, .env.example).
 * `content` was computed from `base`, the text read when planning; preflight checks the
 * file still holds exactly that before anything is written.
 */
export interface MergeOp {
  type: 'merge';
  path: string;
  /** The file's text when planned; undefined when it did not exist. */
  base: string | undefined;
  content: string;
}

export type FileOp = CreateOp | MergeOp;

/** Work after the files are written, kept as data so --dry-run and --json can show it. */
export type PostStep =
  | { type: 'install'; packageManager: string; args: readonly string[] }
  /** Python: create `.venv` with the Python on PATH, then pip-install the project into it. */
  | { type: 'python-env' }
  | { type: 'git-init'; message: string };

export interface Plan {
  files: FileOp[];
  steps: PostStep[];
  /** Environment variables the user must give a value before the app runs. */
  requiredEnv: string[];
  /** Set when adding to an existing project. */
  addition?: AdditionSummary;
}

/** One way to wire the added module in, shown in the next steps and its README. */
export interface WiringSnippet {
  comment: string;
  language: string;
  code: string;
}

export interface AdditionSummary {
  /** Folder (relative to the project) holding the added module. */
  moduleRoot: string;
  /** What the merge added to package.json (the project's own entries left out). */
  dependencies: Readonly<Record<string, string>>;
  devDependencies: Readonly<Record<string, string>>;
  wiring: WiringSnippet[];
  testCommand: string;
  /** Things the user should know before relying on the module (e.g. an older major kept). */
  warnings: string[];
}

/** Whether an addition put any dependency into package.json, i.e. whether there is anything to install. */
export const addsDependencies = (addition: AdditionSummary): boolean =>
  Object.keys(addition.dependencies).length + Object.keys(addition.devDependencies).length > 0;
