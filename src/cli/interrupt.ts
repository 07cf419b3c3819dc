/**
 * Ctrl-C (SIGINT) or SIGTERM while files are written or dependencies install: instead of
 * dying mid-write, the run notices through this signal, rolls back, and exits 130.
 * (At a prompt, clack turns Ctrl-C into a cancel answer instead.)
 */
export function onInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    },
  };
}
