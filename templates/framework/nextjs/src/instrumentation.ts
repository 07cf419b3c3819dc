/**
 * Runs once when the Next.js server starts (`next start`, `next dev`), before any
 * request: a bad environment stops it with exit code 2 and one line naming the
 * variables, never their values. `next build` does not come here, so a build
 * needs no secrets and bakes none in.
 */
export async function register(): Promise<void> {
  if (process.env['NEXT_RUNTIME'] !== 'nodejs') return;
  if (process.env['NEXT_PHASE'] === 'phase-production-build') return;
  const { loadConfigOrExit } = await import('./config/startup.ts');
  loadConfigOrExit();
}
