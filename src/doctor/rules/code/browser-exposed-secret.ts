import { isSecretName } from '../../secrets/key-shapes.ts';
import { isTestFile } from '../../scan/test-files.ts';
import type { Finding, Repository, Rule } from '../../types.ts';
import { findingOf, positionOf } from '../define-rule.ts';
import { isEnvTemplate, isSecretEnvFile } from '../env/env-files.ts';
import { callArguments, objectLiteral } from './arguments.ts';
import { sourceViews, type SourceView } from './source-files.ts';

/** What each framework does with a variable carrying its prefix. */
const PREFIXES: Record<string, string> = {
  NEXT_PUBLIC_: 'Next.js inlines NEXT_PUBLIC_ variables into the JavaScript it sends to browsers',
  VITE_: 'Vite inlines VITE_ variables into the client bundle',
  PUBLIC_: 'SvelteKit and Astro expose PUBLIC_ variables to browser code',
  REACT_APP_: 'Create React App inlines REACT_APP_ variables into the bundle',
  EXPO_PUBLIC_: 'Expo inlines EXPO_PUBLIC_ variables into the app bundle',
  NUXT_PUBLIC_: "Nuxt sends NUXT_PUBLIC_ runtime config to every visitor's browser",
  GATSBY_: 'Gatsby inlines GATSBY_ variables into the browser bundle',
};

/** A prefixed name, not the tail of a longer one (`SOME_PUBLIC_KEY` has no prefix). */
const PREFIXED_NAME = new RegExp(String.raw`(?<![\w$])(${Object.keys(PREFIXES).join('|')})([A-Za-z0-9_]*[A-Za-z0-9])`, 'g');

/** A name that already has a public prefix: reported by name wherever it appears. */
const HAS_PREFIX = new RegExp(`^(${Object.keys(PREFIXES).join('|')})`);

/** An AI provider's name followed by KEY: `OPENAI_KEY`, `ANTHROPIC_SECRET_KEY` (isSecretName wants `API_KEY`). */
const AI_PROVIDER_KEY =
  /(^|_)(OPENAI|AZURE_OPENAI|ANTHROPIC|CLAUDE|GEMINI|GOOGLE_AI|GOOGLE_GENAI|GENAI|GROQ|HF|HUGGINGFACE|HUGGING_FACE|MISTRAL|COHERE|REPLICATE|XAI|GROK|PERPLEXITY|PPLX|DEEPSEEK|OPENROUTER|TOGETHER|FIREWORKS|ELEVENLABS)(_[A-Z0-9]+)*_?KEY$/;
/**
 * Browser keys that are public by design, restricted by domain or scope on the vendor's
 * side: Firebase web config, Maps, Mapbox public tokens, captcha site keys, analytics
 * write keys, Algolia search-only keys. Unless the name says otherwise (`…_SECRET`).
 */
const PUBLIC_BY_DESIGN = /FIREBASE|GOOGLE_MAPS|MAPS_API_KEY|MAPBOX|RECAPTCHA|TURNSTILE|HCAPTCHA|POSTHOG|AMPLITUDE|MIXPANEL|SEGMENT|ALGOLIA_SEARCH|SEARCH_ONLY|SENTRY_DSN|PUSHER_(APP_)?KEY/;
const SECRET_AFTER_ALL = /SECRET|PRIVATE|ADMIN|SERVICE_ROLE|AUTH_TOKEN|PERSONAL/;
/** Names about a secret rather than holding one: `TOKEN_URL`, `TOKEN_ADDRESS` (a contract), `API_KEY_HEADER`. */
const NOT_THE_VALUE = /_(URL|URI|ENDPOINT|HOST|ADDRESS|CONTRACT|ID|NAME|SYMBOL|DECIMALS|EXPIRY|TTL|HEADER|ENABLED|LENGTH|PATH)$/;

/** Whether the name after the prefix holds a secret. (isSecretName misses Supabase's service role key.) */
export function isBrowserExposedSecret(rest: string): boolean {
  const name = rest.toUpperCase();
  if (AI_PROVIDER_KEY.test(name)) return true;
  if (NOT_THE_VALUE.test(name)) return false;
  if (PUBLIC_BY_DESIGN.test(name) && !SECRET_AFTER_ALL.test(name)) return false;
  return isSecretName(name) || /SERVICE_ROLE/.test(name);
}

/** `.env`, `.env.local`, `.env.example`...: a name there is meant for the app's build. Not `.env.vault` (encrypted). */
const isEnvFileOrTemplate = (file: string): boolean => isSecretEnvFile(file) || isEnvTemplate(file);

/** An env file with its `#` comment lines blanked (offsets kept). */
const withoutEnvComments = (text: string): string => text.replace(/^[ \t]*#.*$/gm, (line) => ' '.repeat(line.length));

function findingsIn(file: string, text: string, searched: string): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const match of searched.matchAll(PREFIXED_NAME)) {
    const [name, prefix, rest] = [match[0], match[1]!, match[2]!];
    if (seen.has(name) || !isBrowserExposedSecret(rest)) continue;
    seen.add(name);
    findings.push(findingOf(browserExposedSecret, file, `\`${name}\`: ${PREFIXES[prefix]}, so whatever secret it holds is readable by anyone who opens the site`, positionOf(text, match.index)));
  }
  return findings;
}

/**
 * Build configs that inline values into browser code whatever their names: the keys of
 * Next.js's `env: {...}` and of Vite's `define: {...}` (`'process.env.OPENAI_API_KEY'`).
 */
const CONFIG_INLINING = [
  { file: /(^|\/)next\.config\.[cm]?[jt]s$/, key: /(?<![\w$.])env\s*:\s*\{/g, says: "is in next.config's `env`, which Next.js inlines into the JavaScript it sends to browsers" },
  { file: /(^|\/)vite\.config\.[cm]?[jt]s$/, key: /(?<![\w$.])define\s*:\s*\{/g, says: "is in vite.config's `define`, which Vite replaces into the client bundle" },
];

function inlinedByConfig(view: SourceView): Finding[] {
  const config = CONFIG_INLINING.find((candidate) => candidate.file.test(view.file));
  if (!config) return [];
  const findings: Finding[] = [];
  for (const match of view.skeleton.matchAll(config.key)) {
    const brace = match.index + match[0].length - 1;
    const inside = callArguments(view, brace);
    const object = inside && objectLiteral(view, { start: brace, end: inside.end + 1 });
    for (const [key, value] of object?.values ?? []) {
      // `'process.env.OPENAI_API_KEY'` names the variable in its last segment.
      const name = key.split('.').pop()!;
      if (HAS_PREFIX.test(name) || !isBrowserExposedSecret(name)) continue;
      const keyAt = view.code.lastIndexOf(key, value.start);
      findings.push(findingOf(browserExposedSecret, view.file, `\`${key}\` ${config.says}, so whatever secret it holds is readable by anyone who opens the site`, positionOf(view.text, keyAt === -1 ? match.index : keyAt)));
    }
  }
  return findings;
}

export const browserExposedSecret: Rule = {
  id: 'browser-exposed-secret',
  title: 'Secret in a browser-exposed variable',
  severity: 'high',
  why: 'Frameworks copy variables with a public prefix (NEXT_PUBLIC_, VITE_, PUBLIC_...) into the JavaScript every visitor downloads. A key there is public: anyone can open the browser tools, copy it and spend on your account.',
  fix: 'Rename the variable without the public prefix (OPENAI_API_KEY), read it only in server code (an API route, a server action, a backend), and have the browser call that server route. Then revoke the key: every build that shipped it has leaked it.',
  ignorable: 'anywhere',
  check(repository: Repository) {
    // Test files are never bundled for a browser; tests also name these variables to assert they are absent.
    const fromSource = sourceViews(repository)
      .filter((view) => view.language === 'js' && !isTestFile(view.file))
      .flatMap((view) => [...findingsIn(view.file, view.text, view.code), ...inlinedByConfig(view)]);
    const fromEnvFiles = repository.files
      .filter((file) => isEnvFileOrTemplate(file) && !isTestFile(file))
      .flatMap((file) => {
        const text = repository.text(file);
        return text === undefined ? [] : findingsIn(file, text, withoutEnvComments(text));
      });
    return [...fromSource, ...fromEnvFiles];
  },
};
