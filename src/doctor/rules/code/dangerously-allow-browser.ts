import type { Finding, Rule } from '../../types.ts';
import { findingOf, positionOf } from '../define-rule.ts';
import { sourceViews } from './source-files.ts';

/** The OpenAI and Anthropic SDKs refuse to run in a browser unless told this, in code (not a comment or string). */
const ALLOW_BROWSER = /(?<![\w$])dangerouslyAllowBrowser\s*:\s*true\b/g;

export const dangerouslyAllowBrowser: Rule = {
  id: 'dangerously-allow-browser',
  title: 'AI SDK allowed to run in the browser',
  severity: 'high',
  why: "The SDK refuses to run in a browser because the API key would have to be shipped to it. `dangerouslyAllowBrowser: true` switches that guard off: any visitor can read the key from the page or the network tab and spend on your account.",
  fix: 'Remove `dangerouslyAllowBrowser` and make the call from server code (an API route, a server action, a backend), which the browser calls instead. Only keep it for a key each user brings and types in themselves, never for your own key.',
  ignorable: 'anywhere',
  check(repository) {
    const findings: Finding[] = [];
    for (const view of sourceViews(repository)) {
      if (view.language !== 'js') continue;
      for (const match of view.skeleton.matchAll(ALLOW_BROWSER)) {
        findings.push(findingOf(dangerouslyAllowBrowser, view.file, '`dangerouslyAllowBrowser: true` lets the SDK, and the key it is given, run in the browser', positionOf(view.text, match.index)));
      }
    }
    return findings;
  },
};
