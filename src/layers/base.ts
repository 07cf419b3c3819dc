import { defineLayer } from './define-layer.ts';

/** What every project has, whatever its runtime: repo hygiene and the AI limits. */
export const baseLayer = defineLayer({
  id: 'base',
  executables: ['.githooks/pre-commit'],
  // README, SECURITY.md, CI, Dependabot and the pre-commit hook are the project's own;
  // an addition documents itself in its folder's README (layer add/node).
  addOnly: [],
  gitignore: [
    // .env.* covers .env.local, .env.production, .env.development.local...; only the example is shared.
    { title: 'Secrets: never commit these', patterns: ['.env', '.env.*', '!.env.example', '.env.keys', '*.pem', '*.key'], secrets: true },
    { title: 'Logs', patterns: ['logs/', '*.log'] },
    { title: 'Editors and OS', patterns: ['.DS_Store', 'Thumbs.db', '.idea/', '.vscode/*', '!.vscode/extensions.json'] },
  ],
  env: [
    { name: 'AI_TIMEOUT_MS', group: 'ai', default: '30000', required: false, secret: false, description: 'Milliseconds before one AI request is abandoned (100 to 120000).' },
    { name: 'AI_MAX_RETRIES', group: 'ai', default: '2', required: false, secret: false, description: 'Retries after a failed AI request, with backoff (0 to 5).' },
    { name: 'AI_MAX_INPUT_CHARS', group: 'ai', default: '4000', required: false, secret: false, description: 'Longest user input accepted; longer input is refused before any request (1 to 100000).' },
    { name: 'AI_MAX_OUTPUT_TOKENS', group: 'ai', default: '1024', required: false, secret: false, description: 'Output token cap sent with every request (1 to 32768).' },
    { name: 'LOG_LEVEL', group: 'logging', default: 'info', required: false, secret: false, description: 'debug, info, warn, error or silent. Secrets are redacted at every level; prompts are never logged.' },
  ],
});
