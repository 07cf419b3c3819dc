import { select } from '@clack/prompts';
import type { Choice } from '../options/catalog.ts';
import { answerOrCancel } from './guard.ts';

/** One answer from a fixed list; the list is already narrowed to what fits. */
export async function askChoice<T extends string>(message: string, choices: readonly Choice<T>[], initialValue: T, signal?: AbortSignal): Promise<T> {
  const answer = await select<T>({
    message,
    initialValue,
    options: choices.map((choice) => ({
      value: choice.value,
      label: choice.label,
      ...(choice.hint ? { hint: choice.hint } : {}),
    })) as Parameters<typeof select<T>>[0]['options'],
    ...(signal ? { signal } : {}),
  });
  return answerOrCancel(answer) as T;
}
