import type { Rule } from '../types.ts';
import { CODE_RULES } from './code/index.ts';
import { DEPENDENCIES_RULES } from './dependencies/index.ts';
import { ENV_RULES } from './env/index.ts';
import { KEYS_RULES } from './keys/index.ts';

/**
 * Every rule doctor runs, in the order `--help` and SARIF list them: keys in files, env
 * files and git, code that exposes or mishandles a key, then dependencies.
 */
export const RULES: readonly Rule[] = [...KEYS_RULES, ...ENV_RULES, ...CODE_RULES, ...DEPENDENCIES_RULES];
