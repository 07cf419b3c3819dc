import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from './temp-dir.ts';

/**
 * A PATH holding only the Node running the tests (and, when given, more programs by
 * name): what is missing is missing, whatever the machine has in /usr/bin.
 */
export async function pathWith(programs: Record<string, string> = {}): Promise<string> {
  const bin = await tempDir('csaa-bin-');
  await symlink(process.execPath, path.join(bin, 'node'));
  for (const [name, target] of Object.entries(programs)) await symlink(target, path.join(bin, name));
  return bin;
}
