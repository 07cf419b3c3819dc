import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One file of one layer, as stored under templates/<layer>/. */
export interface TemplateFile {
  layer: string;
  /** POSIX path inside the layer folder, e.g. `src/ai/client.ts` or `README.md.hbs`. */
  path: string;
  content: Buffer;
}

/**
 * The templates folder ships next to the bundle (dist/../templates) and sits at the
 * repo root when running from source, so look upwards from this module for it.
 */
export function defaultTemplatesRoot(moduleUrl: string = import.meta.url): string {
  let directory = path.dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const candidate = path.join(directory, 'templates');
    if (existsSync(path.join(candidate, 'base'))) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('templates folder not found next to the CLI');
    directory = parent;
  }
}

/**
 * Caches Python or its tools leave next to sources (someone ran a template in place).
 * They are never part of a template, so they never become a generated file.
 */
const CACHE_SEGMENT = /(^|\/)(__pycache__|\.pytest_cache|\.ruff_cache|\.mypy_cache)(\/|$)|\.py[cod]$/;

/** Reads every file of the given layers; nothing else under templates/ is touched. */
export async function loadTemplates(root: string, layerIds: readonly string[]): Promise<TemplateFile[]> {
  const files = await Promise.all(
    layerIds.map(async (layer) => {
      const layerRoot = path.join(root, ...layer.split('/'));
      if (!existsSync(layerRoot)) return [];
      const entries = await readdir(layerRoot, { recursive: true, withFileTypes: true });
      const paths = entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(layerRoot, path.join(entry.parentPath ?? entry.path, entry.name)))
        .filter((relative) => !CACHE_SEGMENT.test(relative.split(path.sep).join('/')))
        .sort();
      return Promise.all(
        paths.map(async (relative) => ({
          layer,
          path: relative.split(path.sep).join('/'),
          content: await readFile(path.join(layerRoot, relative)),
        })),
      );
    }),
  );
  return files.flat();
}
