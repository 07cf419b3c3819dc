import { getRequestListener } from '@hono/node-server';
import { createApp } from '../../src/app.ts';
import { clientAddress } from '../../src/http/client-address.ts';
import { inProcessApp } from './in-process-app.ts';

/** The Hono adapter for the shared server tests (see app-contract.ts). */
export const startApp = inProcessApp((deps) => getRequestListener(createApp({ ...deps, clientAddress }).fetch));
