// Limits shared by every HTTP framework variant, kept in one place so they
// cannot drift between express and the others.

/** JSON bodies above this are refused with 413 before they are parsed. */
export const JSON_BODY_LIMIT_BYTES = 32 * 1024;

export const RATE_LIMIT_WINDOW_MS = 60_000;

/** Used when the provider rate-limits us without saying for how long. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

/** A JSON API serves no documents, scripts or frames: forbid them all. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
} as const;

export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** Slow-loris guards: time allowed to send headers and the whole request. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** An idle keep-alive connection is closed after this (Fastify's own default is 72 s). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

/**
 * A socket silent for this long is dropped. It must outlast the slowest reply the
 * AI limits allow (AI_TIMEOUT_MS up to 120 s, times 6 attempts, plus back-off), so it
 * only reaps dead connections; the limits above are the tight ones.
 */
export const CONNECTION_TIMEOUT_MS = 20 * 60_000;

/** After SIGTERM, in-flight requests get this long before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;
