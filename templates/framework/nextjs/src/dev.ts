import { createRequire } from 'node:module';

/**
 * `npm run dev`: Next's dev server on 127.0.0.1, with Next.js telemetry off in
 * every process it starts. next.config.ts turns it off for the processes that
 * load it, but `next dev`'s own first process never does (it reports on exit).
 */
process.env['NEXT_TELEMETRY_DISABLED'] ??= '1';
process.argv.splice(2, 0, 'dev', '--hostname', '127.0.0.1');
createRequire(import.meta.url)('next/dist/bin/next');
