import { CSP_DIRECTIVES, HSTS_MAX_AGE_SECONDS } from '../http/policy.ts';

// Shared by next.config.ts (static headers) and src/proxy.ts (the per-request page
// CSP). No `server-only` here: next.config.ts is loaded by Node, outside the bundler.

export interface Header {
  key: string;
  value: string;
}

/** Sent on every response, pages and API alike. */
export const SECURITY_HEADERS: readonly Header[] = [
  { key: 'Strict-Transport-Security', value: `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  // For browsers without CSP frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The JSON API serves no documents, scripts or frames: `default-src 'none'`, as in every other server variant. */
export const API_CSP = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${kebab(name)} ${sources.join(' ')}`)
  .join('; ');

/**
 * The page's policy. The App Router streams its data in inline scripts, so the
 * only strict option is a fresh nonce per request: Next.js reads it from this
 * header and puts it on its own scripts; 'strict-dynamic' lets those load the
 * chunks they need. No 'unsafe-inline' for scripts; development alone adds
 * what React's dev tooling and Next's error overlay need.
 */
export function pageCsp(nonce: string, development = false): string {
  return [
    // Nothing by default; each kind of resource the page uses is allowed below.
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // A nonce disables 'unsafe-inline', so development (overlay styles) gets only the latter.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    // The chat form calls this origin's API only.
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
