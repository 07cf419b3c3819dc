import { AiError } from './errors.ts';

// C0 and C1 control characters except tab, line feed and carriage return:
// they hide text from reviewers and confuse terminals and log viewers.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Checks user input before any request is made, so refused input costs no
 * provider call. Returns the trimmed text.
 */
export function validateInput(input: unknown, maxChars: number): string {
  if (typeof input !== 'string') throw new AiError('invalid_input', { inputProblem: 'not_text' });
  // Length first: the cheapest check bounds the work done on hostile input.
  if (input.length > maxChars * 2) throw new AiError('invalid_input', { inputProblem: 'too_long' });
  const text = input.trim();
  if (text === '') throw new AiError('invalid_input', { inputProblem: 'empty' });
  if (text.length > maxChars) throw new AiError('invalid_input', { inputProblem: 'too_long' });
  if (CONTROL_CHARS.test(text)) throw new AiError('invalid_input', { inputProblem: 'control_chars' });
  return text;
}
