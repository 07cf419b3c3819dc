import type { Rule } from '../../types.ts';
import { envExampleRealValue } from './env-example-real-value.ts';
import { envFileInHistory } from './env-file-in-history.ts';
import { envFileTracked } from './env-file-tracked.ts';
import { gitignoreEnv } from './gitignore-env.ts';

/** Env files and git: what is committed, what history holds, what .gitignore keeps out. */
export const ENV_RULES: readonly Rule[] = [envFileTracked, envFileInHistory, gitignoreEnv, envExampleRealValue];
