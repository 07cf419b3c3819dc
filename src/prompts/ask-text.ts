import { text } from '@clack/prompts';
import { problemWith, type OptionKey } from '../options/schema.ts';
import { answerOrCancel } from './guard.ts';

/** A free-text answer checked by the same schema as its flag. */
export async function askText(key: Extract<OptionKey, 'directory' | 'name'>, message: string, initialValue: string, signal?: AbortSignal): Promise<string> {
  const answer = await text({
    message,
    placeholder: initialValue,
    initialValue,
    validate: (value) => problemWith(key, (value ?? '').trim()),
    ...(signal ? { signal } : {}),
  });
  return answerOrCancel(answer).trim();
}
