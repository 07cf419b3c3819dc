import type { HttpBindings } from '@hono/node-server';

/** What the app's context holds: Node's request and response, and our request id. */
export interface HonoEnv {
  Bindings: HttpBindings;
  Variables: { requestId: string };
}
