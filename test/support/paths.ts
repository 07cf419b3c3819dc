import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPO_ROOT, 'dist', 'index.mjs');
export const TEMPLATES = path.join(REPO_ROOT, 'templates');
/** The current LTS Node that scripts/ensure-node-lts.mjs keeps for generated projects. */
export const NODE_LTS_BIN_DIR = path.join(REPO_ROOT, '.tools', 'node-lts', 'node_modules', '.bin');
