import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

interface Backup {
  absolute: string;
  content: Buffer;
  mode: number;
}

const DEFAULT_FILE_MODE = 0o644;

/**
 * Writes files into a directory that already exists, remembering enough to undo every
 * change: the old bytes and mode of replaced files, the files and folders it created.
 * Each write goes to a temporary file first and is renamed into place, so a crash
 * never leaves a half-written file.
 */
export class WriteTransaction {
  private readonly backups: Backup[] = [];
  private readonly createdFiles: string[] = [];
  private readonly createdDirectories: string[] = [];
  /** Paths some other program (the install) may create: removed on rollback, folders included. */
  private readonly guardedAbsent: string[] = [];

  constructor(private readonly root: string) {}

  /** Creates `absolute` and any missing parents, recording each folder it made. */
  async ensureDirectory(absolute: string): Promise<void> {
    const missing: string[] = [];
    for (let directory = absolute; ; directory = path.dirname(directory)) {
      if (await lstat(directory).catch(() => undefined)) break;
      missing.unshift(directory);
      if (path.dirname(directory) === directory) break;
    }
    for (const directory of missing) {
      await mkdir(directory);
      this.createdDirectories.push(directory);
    }
  }

  async write(relative: string, content: string | Buffer, mode?: number): Promise<void> {
    const absolute = path.join(this.root, relative);
    await this.ensureDirectory(path.dirname(absolute));
    const existing = await lstat(absolute).catch(() => undefined);
    if (existing) {
      this.backups.push({ absolute, content: await readFile(absolute), mode: existing.mode & 0o7777 });
    }
    const temporary = `${absolute}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, content, { mode: mode ?? (existing ? existing.mode & 0o7777 : DEFAULT_FILE_MODE), flag: 'wx' });
      await rename(temporary, absolute);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    if (!existing) this.createdFiles.push(absolute);
  }

  /**
   * Before another program changes files here (the package manager): remembers the
   * bytes and mode of each path that is a file, and that each missing path was
   * missing, so rollback can put the file back or remove what appeared.
   */
  async guard(relativePaths: readonly string[]): Promise<void> {
    for (const relative of relativePaths) {
      const absolute = path.join(this.root, relative);
      const existing = await lstat(absolute).catch(() => undefined);
      if (!existing) this.guardedAbsent.push(absolute);
      else if (existing.isFile()) this.backups.push({ absolute, content: await readFile(absolute), mode: existing.mode & 0o7777 });
    }
  }

  /** Puts everything back as it was: newest change first. Best effort on every item. */
  async rollback(): Promise<void> {
    for (const absolute of this.guardedAbsent.reverse()) await rm(absolute, { recursive: true, force: true }).catch(() => {});
    for (const file of this.createdFiles.reverse()) await rm(file, { force: true }).catch(() => {});
    for (const backup of this.backups.reverse()) {
      await writeFile(backup.absolute, backup.content).catch(() => {});
      await chmod(backup.absolute, backup.mode).catch(() => {});
    }
    for (const directory of this.createdDirectories.reverse()) {
      await rmdir(directory).catch(() => rm(directory, { recursive: true, force: true }).catch(() => {}));
    }
    this.createdFiles.length = 0;
    this.backups.length = 0;
    this.createdDirectories.length = 0;
    this.guardedAbsent.length = 0;
  }
}
