import type { Prompter } from '../options/resolve.ts';
import { askChoice } from './ask-choice.ts';
import { askText } from './ask-text.ts';
import { askYesNo } from './ask-yes-no.ts';

/** The interactive questions, on @clack/prompts. */
export const clackPrompter: Prompter = {
  text: (key, message, initialValue) =>
    askText(key, message, initialValue),
  choice: (message, choices, initialValue) => askChoice(message, choices, initialValue),
  yesNo: (message, initialValue) => askYesNo(message, initialValue),
};
