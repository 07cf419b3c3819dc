/**
 * What the app's context holds: our request id. The runtime's own bindings (Node's
 * socket, Bun's server, Deno's connection info) are read only by http/client-address.ts.
 */
export interface HonoEnv {
  Variables: { requestId: string };
}
