import type { FakeProvider } from './fake-provider.ts';

/** The app under test, listening on 127.0.0.1 with a random port. */
export interface RunningApp {
  url: string;
  /** Everything the app's logger wrote (it logs at debug). */
  logs: () => string;
  close: () => Promise<void>;
}

/**
 * What each framework layer's `test/support/app-server.ts` exports, so the tests
 * in this folder run unchanged against Express, Fastify and Hono: the real app,
 * wired to the fake provider through the real SDK, with `overrides` on top of
 * the test environment and NODE_ENV set to `nodeEnv` (unset when undefined)
 * while the app is built.
 */
export type StartApp = (fake: FakeProvider, overrides?: Record<string, string>, nodeEnv?: string) => Promise<RunningApp>;

/** Runs `build` with NODE_ENV set to `nodeEnv` (or unset), then restores it. */
export async function withNodeEnv<T>(nodeEnv: string | undefined, build: () => Promise<T>): Promise<T> {
  const previous = process.env['NODE_ENV'];
  const set = (value: string | undefined) => {
    if (value === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = value;
  };
  set(nodeEnv);
  try {
    return await build();
  } finally {
    set(previous);
  }
}
