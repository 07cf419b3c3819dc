import { confirm } from '@clack/prompts';
import { answerOrCancel } from './guard.ts';

export async function askYesNo(message: string, initialValue: boolean, signal?: AbortSignal): Promise<boolean> {
  return answerOrCancel(await confirm({ message, initialValue, ...(signal ? { signal } : {}) }));
}
