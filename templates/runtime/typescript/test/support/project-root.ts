import { fileURLToPath } from 'node:url';

/**
 * The project's folder. Only tests of a created project read it: a module added to an
 * existing project leaves them out, so this ES-module-only line is never compiled there.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
