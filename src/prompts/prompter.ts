import type { Prompter } from '../options/resolve.ts';
import { askChoice } from './ask-choice.ts';
import { askText } from './ask-text.ts';
import { askYesNo } from './ask-yes-no.ts';

/**
 * The interactive questions, on @clack/prompts. `signal` is the run's interrupt: a
 * SIGTERM (or a SIGINT sent by another process) cancels the open question, which ends
 * the run with exit 130, instead of leaving it waiting for a key that never comes.
 */
export const clackPrompter = (signal: AbortSignal): Prompter => ({
  text: (key, message, initialValue) => askText(key, message, initialValue, signal),
  choice: (message, choices, initialValue) => askChoice(message, choices, initialValue, signal),
  yesNo: (message, initialValue) => askYesNo(message, initialValue, signal),
});
