import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

/** A fresh folder under the OS temp dir, removed when the test file ends. */
export async function tempDir(prefix = 'csaa-'): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), prefix));
  after(() => rm(directory, { recursive: true, force: true }));
  return directory;
}
