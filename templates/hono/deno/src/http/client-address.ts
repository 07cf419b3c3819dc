import type { ClientAddress } from '../app.ts';

/**
 * On Deno.serve: the peer of the connection, which the server hands the app as its
 * env (see http/serve.ts); never X-Forwarded-For.
 */
export const clientAddress: ClientAddress = (c) => {
  const info = c.env as Deno.ServeHandlerInfo<Deno.NetAddr> | undefined;
  return info?.remoteAddr.hostname;
};
