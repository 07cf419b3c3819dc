// 'next/types.js' rather than 'next': see next.config.ts.
import type { Metadata } from 'next/types.js';
import { connection } from 'next/server.js';
import type { ReactNode } from 'react';

export const metadata: Metadata = {
  title: 'Secure AI app',
  description: 'Ask the AI through a hardened API route.',
  robots: { index: false, follow: false },
};

// No web fonts, analytics or external assets: the page CSP allows this origin only.
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its CSP nonce (src/proxy.ts) is new each time,
  // and a page prerendered at build time would carry scripts without it.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
