/**
 * Sent only in the provider's system/instructions slot, never mixed with user
 * text, so user input cannot rewrite it by string concatenation.
 */
export const SYSTEM_PROMPT = 'You are a helpful assistant. Answer clearly and concisely.';
