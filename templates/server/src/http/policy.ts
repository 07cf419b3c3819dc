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

/** After SIGTERM, in-flight requests get this long before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;
