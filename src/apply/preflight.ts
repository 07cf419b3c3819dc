import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileOp } from '../plan/types.ts';
import { unifiedDiff } from '../util/unified-diff.ts';

export type Action = 'create' | 'identical' | 'update' | 'conflict';

export interface Classified {
  op: FileOp;
  action: Action;
  /** Set when a conflict cannot be resolved by overwriting (a folder or link is in the way). */
  blocker?: string;
  /** For `update`: what changes, as a unified diff. */
  diff?: string;
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

async function classify(targetDir: string, op: FileOp): Promise<Classified> {
  const blockedParent = await parentBlocker(targetDir, op.path);
  if (blockedParent) return { op, action: 'conflict', blocker: blockedParent };
  const current = await inspect(path.join(targetDir, op.path));
  if (current.kind === 'blocked') return { op, action: 'conflict', blocker: `${op.path} is ${current.what}` };
  if (op.type === 'create') {
    if (current.kind === 'missing') return { op, action: 'create' };
    return { op, action: current.content.equals(Buffer.from(op.content)) ? 'identical' : 'conflict' };
  }
  // A merge was computed from the text read when planning; the file must still hold it.
  const currentText = current.kind === 'file' ? current.content.toString('utf8') : undefined;
  if (currentText !== op.base) return { op, action: 'conflict', blocker: `${op.path} changed while the plan was made; run again` };
  if (currentText === undefined) return { op, action: 'create' };
  if (currentText === op.content) return { op, action: 'identical' };
  return { op, action: 'update', diff: unifiedDiff(op.path, currentText, op.content) };
}

/**
 * Classifies every planned file against the disk BEFORE anything is written, so a run
 * either proceeds knowing every outcome or stops having changed nothing.
 */
export async function preflight(targetDir: string, ops: readonly FileOp[]): Promise<Classified[]> {
  return Promise.all(ops.map((op) => classify(targetDir, op)));
}
