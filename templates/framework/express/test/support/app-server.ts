import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createAi } from '../../src/ai/client.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/env.ts';
import { fakeProviderEnv } from './env.ts';
import type { FakeProvider } from './fake-provider.ts';
import { memoryLogger } from './memory-log.ts';

export interface RunningApp {
  url: string;
  logs: () => string;
  close: () => Promise<void>;
}

/**
 * The real app on 127.0.0.1:0, wired to the fake provider through the real SDK.
 * `nodeEnv` is set while the app is created, as Express reads it only then.
 */
export async function startApp(
  fake: FakeProvider,
  overrides: Record<string, string> = {},
  nodeEnv?: string,
): Promise<RunningApp> {
  const previous = process.env['NODE_ENV'];
  if (nodeEnv === undefined) delete process.env['NODE_ENV'];
  else process.env['NODE_ENV'] = nodeEnv;
  try {
    const config = loadConfig(fakeProviderEnv(fake, overrides));
    const log = memoryLogger('debug');
    const app = createApp({ config, ai: createAi(config, log.logger), logger: log.logger });
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      logs: log.text,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  } finally {
    if (previous === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = previous;
  }
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
