import { loadConfig } from '../../src/config/env.ts';
import { createChatRoute, type ChatRoute } from '../../src/server/chat-route.ts';
import { createServerContext } from '../../src/server/context.ts';
import { fakeProviderEnv } from './env.ts';
import type { FakeProvider } from './fake-provider.ts';
import { memoryLogger } from './memory-log.ts';

export const CHAT_URL = 'http://127.0.0.1:3000/api/chat';

/** The chat route's handlers with their own context: the fake provider, a memory log. */
export function chatRouteFor(fake: FakeProvider, overrides: Record<string, string> = {}): ChatRoute & { logs: () => string } {
  const config = loadConfig(fakeProviderEnv(fake, overrides));
  const log = memoryLogger('debug');
  const context = createServerContext(config, log.logger);
  return { ...createChatRoute(() => context), logs: log.text };
}

/** A POST as src/server.ts hands it to Next.js: X-Forwarded-For holds the peer address. */
export function chatRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(CHAT_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '127.0.0.1', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
