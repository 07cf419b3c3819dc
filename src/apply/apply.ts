import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cancelled } from '../errors.ts';
import type { Workspace } from '../workspace/snapshot.ts';
import type { Resolved } from './resolve-conflicts.ts';
import { WriteTransaction } from './transaction.ts';

/** Undoes everything apply wrote, e.g. when the user cancels during install. */
export interface Applied {
  rollback(): Promise<void>;
  /** Remembers paths another program is about to change, so rollback restores them too. */
  guard(relativePaths: readonly string[]): Promise<void>;
}

const toWrite = (resolved: readonly Resolved[]) =>
  resolved.filter((entry) => entry.action === 'create' || entry.action === 'update' || entry.action === 'overwrite').map((entry) => entry.classified.op);

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw cancelled();
}

/**
 * A new project is rendered into a hidden sibling folder and renamed into place in one
 * step: the target either does not exist or is complete, never half-written.
 */
async function applyToNewDirectory(targetDir: string, resolved: readonly Resolved[], signal: AbortSignal): Promise<Applied> {
  const parent = path.dirname(targetDir);
  const parents = new WriteTransaction(parent);
  const staging = path.join(parent, `.${path.basename(targetDir)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await parents.ensureDirectory(parent);
    await mkdir(staging, { mode: 0o755 });
    for (const op of toWrite(resolved)) {
      throwIfCancelled(signal);
      const absolute = path.join(staging, op.path);
      await mkdir(path.dirname(absolute), { recursive: true });
      await writeFile(absolute, op.content, { mode: (op.type === 'create' ? op.mode : undefined) ?? 0o644, flag: 'wx' });
    }
    throwIfCancelled(signal);
    await rename(staging, targetDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    await parents.rollback();
    throw error;
  }
  return {
    rollback: async () => {
      await rm(targetDir, { recursive: true, force: true });
      await parents.rollback();
    },
    // A new folder goes as a whole on rollback, whatever was installed into it.
    guard: async () => {},
  };
}

/** Into a folder that exists: file by file, journaled, undone on any failure. */
async function applyToExistingDirectory(targetDir: string, resolved: readonly Resolved[], signal: AbortSignal): Promise<Applied> {
  const transaction = new WriteTransaction(targetDir);
  try {
    for (const op of toWrite(resolved)) {
      throwIfCancelled(signal);
      await transaction.write(op.path, op.content, op.type === 'create' ? op.mode : undefined);
    }
    throwIfCancelled(signal);
  } catch (error) {
    await transaction.rollback();
    throw error;
  }
  return { rollback: () => transaction.rollback(), guard: (paths) => transaction.guard(paths) };
}

export function applyPlan(workspace: Workspace, resolved: readonly Resolved[], signal: AbortSignal): Promise<Applied> {
  return workspace.exists
    ? applyToExistingDirectory(workspace.targetDir, resolved, signal)
    : applyToNewDirectory(workspace.targetDir, resolved, signal);
}
