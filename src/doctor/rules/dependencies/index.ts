import type { Rule } from '../../types.ts';
import { outdatedAiSdk } from './outdated-ai-sdk.ts';

export const DEPENDENCIES_RULES: readonly Rule[] = [outdatedAiSdk];
