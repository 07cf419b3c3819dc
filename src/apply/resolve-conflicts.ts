import { CliError } from '../errors.ts';
import type { ConflictPolicy } from '../options/catalog.ts';
import type { Classified } from './preflight.ts';

export type Decision = 'overwrite' | 'skip';

/** Asks the user about one conflicting file; 'abort' stops the whole run. */
export type AskAboutConflict = (path: string) => Promise<Decision | 'abort'>;

export type FinalAction = 'create' | 'identical' | 'update' | 'overwrite' | 'skip';

export interface Resolved {
  path: string;
  action: FinalAction;
  classified: Classified;
}

const conflictError = (conflicts: readonly Classified[], hint: string) =>
  new CliError(
    'conflict',
    `${conflicts.length} file${conflicts.length === 1 ? '' : 's'} already exist${conflicts.length === 1 ? 's' : ''} and differ${conflicts.length === 1 ? 's' : ''}; nothing was written`,
    [...conflicts.map((c) => `  ${c.op.path}${c.blocker ? ` (${c.blocker})` : ''}`), hint],
  );

/**
 * Turns preflight results into final actions under the --conflict policy. Nothing is
 * written before every conflict has an answer, so abort always leaves the disk as it was.
 */
export async function resolveConflicts(
  classified: readonly Classified[],
  policy: ConflictPolicy,
  ask: AskAboutConflict | undefined,
): Promise<Resolved[]> {
  const conflicts = classified.filter((entry) => entry.action === 'conflict');
  const blocked = conflicts.filter((entry) => entry.blocker);
  if (blocked.length > 0) throw conflictError(blocked, 'Move these out of the way; they cannot be overwritten safely.');
  if (conflicts.length > 0 && (policy === 'abort' || (policy === 'prompt' && !ask))) {
    throw conflictError(conflicts, 'Pass --conflict skip to keep your files, or --conflict overwrite to replace them.');
  }

  const resolved: Resolved[] = [];
  for (const entry of classified) {
    if (entry.action !== 'conflict') {
      resolved.push({ path: entry.op.path, action: entry.action, classified: entry });
      continue;
    }
    const decision = policy === 'prompt' && ask ? await ask(entry.op.path) : (policy as Decision);
    if (decision === 'abort') throw conflictError(conflicts, 'Stopped at your request.');
    resolved.push({ path: entry.op.path, action: decision, classified: entry });
  }
  return resolved;
}
