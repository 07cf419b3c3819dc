/** Write a whole file. The only kind of file operation a new project needs. */
export interface CreateOp {
  type: 'create';
  /** Relative POSIX path inside the target directory. */
  path: string;
  content: string | Buffer;
  /** Unix permission bits; plain files get the process umask default. */
  mode?: number;
}

export type FileOp = CreateOp;

/** Work after the files are written, kept as data so --dry-run and --json can show it. */
export type PostStep =
  | { type: 'install'; packageManager: string; args: readonly string[] }
  | { type: 'git-init'; message: string };

export interface Plan {
  files: FileOp[];
  steps: PostStep[];
  /** Environment variables the user must give a value before the app runs. */
  requiredEnv: string[];
}
