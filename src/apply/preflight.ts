import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileOp } from '../plan/types.ts';

export type Action = 'create' | 'identical' | 'conflict';

export interface Classified {
  op: FileOp;
  action: Action;
  /** Set when a conflict cannot be resolved by overwriting (a folder or link is in the way). */
  blocker?: string;
}

/** What stands at `absolute` now: nothing, a regular file's bytes, or something we must not replace. */
async function inspect(absolute: string): Promise<{ kind: 'missing' } | { kind: 'file'; content: Buffer } | { kind: 'blocked'; what: string }> {
  const stats = await lstat(absolute).catch(() => undefined);
  if (!stats) return { kind: 'missing' };
  if (stats.isSymbolicLink()) return { kind: 'blocked', what: 'a symbolic link' };
  if (stats.isDirectory()) return { kind: 'blocked', what: 'a folder' };
  if (!stats.isFile()) return { kind: 'blocked', what: 'a special file' };
  return { kind: 'file', content: await readFile(absolute) };
}

/** A parent of the file that is a link or a file would send the write elsewhere or fail it. */
async function parentBlocker(targetDir: string, relative: string): Promise<string | undefined> {
  const segments = relative.split('/').slice(0, -1);
  for (let depth = 1; depth <= segments.length; depth++) {
    const parent = segments.slice(0, depth).join('/');
    const stats = await lstat(path.join(targetDir, parent)).catch(() => undefined);
    if (!stats) return undefined;
    if (stats.isSymbolicLink()) return `${parent} is a symbolic link`;
    if (!stats.isDirectory()) return `${parent} is a file, not a folder`;
  }
  return undefined;
}

/**
 * Classifies every planned file against the disk BEFORE anything is written, so a run
 * either proceeds knowing every outcome or stops having changed nothing.
 */
export async function preflight(targetDir: string, ops: readonly FileOp[]): Promise<Classified[]> {
  return Promise.all(
    ops.map(async (op): Promise<Classified> => {
      const blockedParent = await parentBlocker(targetDir, op.path);
      if (blockedParent) return { op, action: 'conflict', blocker: blockedParent };
      const current = await inspect(path.join(targetDir, op.path));
      if (current.kind === 'missing') return { op, action: 'create' };
      if (current.kind === 'blocked') return { op, action: 'conflict', blocker: `${op.path} is ${current.what}` };
      return { op, action: current.content.equals(Buffer.from(op.content)) ? 'identical' : 'conflict' };
    }),
  );
}
