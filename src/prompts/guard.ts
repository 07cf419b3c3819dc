import { isCancel } from '@clack/prompts';
import { cancelled } from '../errors.ts';

/** Ctrl-C or Escape at any prompt ends the run with exit 130 and nothing written. */
export function answerOrCancel<T>(answer: T): Exclude<T, symbol> {
  if (isCancel(answer)) throw cancelled();
  return answer as Exclude<T, symbol>;
}
