import type { Rule } from '../../types.ts';
import { hardcodedKey } from './hardcoded-key.ts';

export const KEYS_RULES: readonly Rule[] = [hardcodedKey];
