import type { Framework } from '../options/catalog.ts';
import { defineLayer, type Layer } from './define-layer.ts';

/** What only an addition has: createSecureAi() as the entry point, and its README. */
export const addNodeLayer = defineLayer({ id: 'add/node', addModeOnly: true });

/**
 * Per server framework, the adapter that attaches our endpoints to the app the
 * project already has (the project's server file is never rewritten). Next.js needs
 * none: its chat route is a file in the app folder.
 */
export const MOUNT_LAYERS: Partial<Record<Framework, Layer>> = {
  express: defineLayer({ id: 'mount/express', addModeOnly: true }),
  fastify: defineLayer({ id: 'mount/fastify', addModeOnly: true }),
  hono: defineLayer({ id: 'mount/hono', addModeOnly: true }),
};

/** What the mount adapters share (the prefix rules); only added with one of them. */
export const mountSharedLayer = defineLayer({ id: 'mount/shared', addModeOnly: true });
