// 'next/server.js': next has no exports map, so Node (the tests) needs the file name.
import { NextResponse, type NextRequest } from 'next/server.js';
import { pageCsp } from './server/security-headers.ts';

/**
 * Gives every page request its own CSP nonce (Next.js 16 "proxy", formerly
 * middleware). Next.js finds the nonce in the request's CSP header and adds it
 * to the scripts it renders; the browser gets the same policy.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const csp = pageCsp(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Everything but the API and /health (stricter static policy from next.config.ts)
  // and build assets (no policy needed). Prefetches reuse the page's nonce.
  matcher: [
    {
      source: '/((?!api/|health$|_next/static/|_next/image).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
