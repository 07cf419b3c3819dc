import type { Rule } from '../../types.ts';

export const CODE_RULES: readonly Rule[] = [];
