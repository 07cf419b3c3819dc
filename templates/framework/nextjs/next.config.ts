// From 'next/types.js', not 'next': the latter also loads Next's global types, which
// make process.env.NODE_ENV read-only everywhere, tests included.
import type { NextConfig } from 'next/types.js';
import { API_CSP, SECURITY_HEADERS } from './src/server/security-headers.ts';

// No usage data leaves the machine: every Next.js process that loads this file reads
// the flag after it (src/dev.ts sets it for the one `next dev` starts first).
process.env['NEXT_TELEMETRY_DISABLED'] ??= '1';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: {
    // tsconfig.json is the Node runtime's; this one extends it with JSX and the Next.js
    // editor plugin. Next.js rewrites a tsconfig it finds lacking, unless it extends another.
    tsconfigPath: 'tsconfig.next.json',
  },
  experimental: {
    // Otherwise `next build` looks up advisories online and may pause to suggest an
    // upgrade; Dependabot and `npm audit` in CI cover upgrades, and builds stay offline.
    agentUpgrade: false,
  },
  async headers() {
    const apiCsp = [{ key: 'Content-Security-Policy', value: API_CSP }];
    return [
      // Every response; pages get their CSP, with a fresh nonce, from src/proxy.ts.
      { source: '/:path*', headers: [...SECURITY_HEADERS] },
      { source: '/api/:path*', headers: apiCsp },
      { source: '/health', headers: apiCsp },
    ];
  },
};

export default nextConfig;
