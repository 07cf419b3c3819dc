import type { Rule } from '../../types.ts';

export const DEPENDENCIES_RULES: readonly Rule[] = [];
