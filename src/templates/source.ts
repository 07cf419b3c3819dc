import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPrecompiledTemplates } from './render.ts';

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
  const files = readLayers(root, layerIds);
  await loadPrecompiledTemplates();
  return files;
}

/**
 * Synchronous on purpose: a few dozen small files are read faster in one go than
 * through the thread pool a promise at a time, and nothing else runs meanwhile.
 */
function readLayers(root: string, layerIds: readonly string[]): TemplateFile[] {
  return layerIds.flatMap((layer) => {
    const layerRoot = path.join(root, ...layer.split('/'));
    if (!existsSync(layerRoot)) return [];
    return readdirSync(layerRoot, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(layerRoot, path.join(entry.parentPath ?? entry.path, entry.name)))
      .filter((relative) => !CACHE_SEGMENT.test(relative.split(path.sep).join('/')))
      .sort()
      .map((relative) => ({ layer, path: relative.split(path.sep).join('/'), content: readFileSync(path.join(layerRoot, relative)) }));
  });
}
