import type { Server } from 'bun';
import type { ClientAddress } from '../app.ts';

/**
 * On Bun.serve: the address of the request's socket (never X-Forwarded-For), from the
 * server, which is app.fetch's second argument. Bun knows it for the request it
 * handed over only, which the rate limit reads before the body limit copies it.
 */
export const clientAddress: ClientAddress = (c) => (c.env as Server<undefined> | undefined)?.requestIP(c.req.raw)?.address;
