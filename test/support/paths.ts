import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPO_ROOT, 'dist', 'index.mjs');
export const TEMPLATES = path.join(REPO_ROOT, 'templates');
const toolBinDir = (tool: string) => path.join(REPO_ROOT, '.tools', tool, 'node_modules', '.bin');
/** The current LTS Node that scripts/ensure-tools.mjs keeps for generated projects. */
export const NODE_LTS_BIN_DIR = toolBinDir('node-lts');
/** Bun and Deno, as scripts/ensure-tools.mjs installs them (the versions generated CI uses). */
export const BUN_BIN_DIR = toolBinDir('bun');
export const DENO_BIN_DIR = toolBinDir('deno');
