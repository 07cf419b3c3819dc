import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

const created: string[] = [];
// Registered once, at import, so it belongs to the test file rather than to whichever
// hook or test happens to ask for a folder (a hook's own `after` would fire too early).
after(() => Promise.all(created.map((directory) => rm(directory, { recursive: true, force: true }))));

/** A fresh folder under the OS temp dir, removed when the test file ends. */
export async function tempDir(prefix = 'csaa-'): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), prefix));
  created.push(directory);
  return directory;
}
