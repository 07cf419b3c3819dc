import { createApp } from '../../src/app.ts';
import { inProcessApp } from './in-process-app.ts';

/**
 * The Express adapter for the shared server tests (see app-contract.ts). Express
 * reads NODE_ENV when the app is created, which inProcessApp sets for it.
 */
export const startApp = inProcessApp((deps) => createApp(deps));
