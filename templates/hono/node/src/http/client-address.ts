import { getConnInfo } from '@hono/node-server/conninfo';
import type { ClientAddress } from '../app.ts';

/** On @hono/node-server: the address of Node's socket (never X-Forwarded-For). */
export const clientAddress: ClientAddress = (c) => getConnInfo(c).remote.address;
