import { REQUEST_ID_HEADER } from '../http/request-id.ts';

/**
 * CORS for the API: only origins listed in CORS_ORIGINS get
 * Access-Control-Allow-Origin, compared exactly; an empty list allows none.
 * Same-origin calls (the app's own page) need no CORS at all.
 */
export function corsHeaders(request: Request, allowedOrigins: readonly string[]): Record<string, string> {
  // The answer depends on Origin, so caches must not serve it to another origin.
  const headers: Record<string, string> = { Vary: 'Origin' };
  const origin = request.headers.get('origin');
  if (origin !== null && allowedOrigins.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Expose-Headers'] = `${REQUEST_ID_HEADER}, Retry-After`;
  }
  return headers;
}

/** The answer to a preflight (OPTIONS): methods and headers only for an allowed origin. */
export function preflightHeaders(request: Request, allowedOrigins: readonly string[]): Record<string, string> {
  const headers = corsHeaders(request, allowedOrigins);
  if (headers['Access-Control-Allow-Origin'] !== undefined) {
    headers['Access-Control-Allow-Methods'] = 'POST';
    headers['Access-Control-Allow-Headers'] = 'Content-Type';
    headers['Access-Control-Max-Age'] = '600';
  }
  return headers;
}
