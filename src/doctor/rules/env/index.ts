import type { Rule } from '../../types.ts';

export const ENV_RULES: readonly Rule[] = [];
