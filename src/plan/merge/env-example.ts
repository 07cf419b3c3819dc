import type { EnvVariable } from '../../layers/define-layer.ts';
import { appendLines, linesOf } from '../../util/text-format.ts';
import { envVariableLines } from '../env-example.ts';

/** `NAME=...`, `export NAME=...` or a commented-out `# NAME=...`: the key counts as listed. */
const LISTED_KEY = /^\s*(?:#\s*)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/;

export function listedKeys(text: string): Set<string> {
  return new Set(linesOf(text).flatMap((line) => LISTED_KEY.exec(line)?.[1] ?? []));
}

/**
 * Appends the variables `.env.example` does not list yet, each with its comment and an
 * empty value. Existing lines, values and comments stay exactly as they are.
 */
export function mergeEnvExample(existingText: string, variables: readonly EnvVariable[]): string {
  const listed = listedKeys(existingText);
  const missing = variables.filter((variable) => !listed.has(variable.name));
  if (missing.length === 0) return existingText;
  const spacer = linesOf(existingText).length > 0 ? [''] : [];
  return appendLines(existingText, [
    ...spacer,
    '# Added by create-secure-ai-app. Copy to .env and fill in; never commit .env.',
    ...missing.flatMap(envVariableLines),
  ]);
}
