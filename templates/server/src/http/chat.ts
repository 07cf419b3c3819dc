import type { Ai } from '../ai/types.ts';

export interface ChatReply {
  reply: string;
  requestId: string;
}

/**
 * POST /api/chat for any framework: takes the parsed JSON body. The AI module
 * validates `message` (type, size, characters), so there is one set of rules.
 */
export async function handleChat(ai: Ai, body: unknown, requestId: string, signal?: AbortSignal): Promise<ChatReply> {
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : undefined;
  const { text } = await ai.complete({ input: message, signal });
  return { reply: text, requestId };
}
