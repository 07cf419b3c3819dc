import { defineLayer } from './define-layer.ts';
import { pinned } from './versions.ts';

/** Next.js App Router: the AI module behind `server-only`, the chat route in src/app/api/chat. */
export const nextjsLayer = defineLayer({
  id: 'framework/nextjs',
  requires: ['server', 'server-node'],
  // A small custom server around the `next build` output (see its header comment).
  entry: 'src/server.ts',
  dependencies: pinned('next', 'react', 'react-dom', 'server-only'),
  devDependencies: pinned('@types/react', '@types/react-dom'),
  // Into an existing Next.js app: the chat route (src/app/... lands in the app's own
  // app folder) and the server-only modules behind it, nothing of the app around it.
  addOnly: ['src/app/api/chat/route.ts', 'src/server/', 'test/chat-route.test.ts', 'test/support/next-route.ts'],
  testNodeFlags: ['--conditions=react-server'],
  gitignore: [{ title: 'Next.js', patterns: ['.next/', 'out/', 'next-env.d.ts', '.next-build-test/'] }],
  scripts: () => ({
    // Next's own dev server (hot reload), telemetry off; `start` (from the runtime) runs src/server.ts.
    dev: 'node src/dev.ts',
    build: 'next build',
    // tsconfig.next.json adds JSX and the DOM to the runtime's tsconfig.json.
    typecheck: 'tsc --noEmit -p tsconfig.next.json',
    // The server tests run the built app; `server-only` resolves to a no-op only
    // under the react-server condition, as inside Next.js.
    test: 'next build && node --conditions=react-server --test --test-concurrency=1 "test/**/*.test.ts"',
  }),
});
