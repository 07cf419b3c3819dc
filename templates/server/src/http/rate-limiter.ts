/**
 * A fixed-window, in-memory rate limiter for frameworks without a maintained one
 * (Hono, Next.js route handlers). Per process: behind several instances, use a
 * shared store (e.g. Redis) or the platform's limiter instead.
 */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests left in the current window. */
  remaining: number;
  /** Seconds until the window resets; what Retry-After should say when refused. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  hit(clientKey: string): RateLimitDecision;
}

interface Window {
  startedAt: number;
  count: number;
}

// Bounds memory under a flood of distinct client keys (spoofed or many real ones).
const MAX_TRACKED_CLIENTS = 10_000;

export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();

  const evictExpired = (at: number) => {
    for (const [key, window] of windows) if (at - window.startedAt >= options.windowMs) windows.delete(key);
  };

  return {
    hit(clientKey) {
      const at = now();
      let window = windows.get(clientKey);
      if (!window || at - window.startedAt >= options.windowMs) {
        if (windows.size >= MAX_TRACKED_CLIENTS) evictExpired(at);
        // Still full of live windows: refuse new clients rather than grow without bound.
        if (windows.size >= MAX_TRACKED_CLIENTS) {
          return { allowed: false, remaining: 0, retryAfterSeconds: Math.ceil(options.windowMs / 1000) };
        }
        window = { startedAt: at, count: 0 };
        windows.set(clientKey, window);
      }
      window.count += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + options.windowMs - at) / 1000));
      return { allowed: window.count <= options.limit, remaining: Math.max(0, options.limit - window.count), retryAfterSeconds };
    },
  };
}
