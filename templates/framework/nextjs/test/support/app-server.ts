import type { StartApp } from './app-contract.ts';
import { fakeProviderEnv } from './env.ts';
import type { FakeProvider } from './fake-provider.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

/**
 * The built Next.js server (`npm test` runs `next build` first) with exactly `vars`.
 * Next.js would also read the developer's .env files; its own flag says they are
 * loaded already, so a test sees only these variables, as with the other frameworks.
 */
export const startNextServer = (vars: Record<string, string | undefined>): Promise<ServerProcess> =>
  startServerProcess({ ...vars, __NEXT_PROCESSED_ENV: 'true' });

/**
 * The Next.js adapter for the shared server tests (see app-contract.ts): the real
 * production server in a child process, so its environment, NODE_ENV included,
 * is set exactly; its logs are everything it wrote.
 */
export const startApp: StartApp = async (fake: FakeProvider, overrides = {}, nodeEnv) => {
  const server = await startNextServer({ ...fakeProviderEnv(fake, overrides), NODE_ENV: nodeEnv });
  return {
    url: server.url,
    logs: () => server.output.stdout + server.output.stderr,
    close: async () => {
      await server.stop();
    },
  };
};
