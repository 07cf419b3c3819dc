import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every entry under `root` with its bytes (files) or kind: to prove a run changed nothing. */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  for (const relative of entries.sort()) {
    const absolute = path.join(root, relative);
    const stats = await lstat(absolute);
    result[relative] = stats.isFile() ? `${stats.mode.toString(8)}:${(await readFile(absolute)).toString('base64')}` : stats.isDirectory() ? 'dir' : 'other';
  }
  return result;
}
