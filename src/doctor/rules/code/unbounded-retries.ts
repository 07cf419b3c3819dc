import { isTestFile } from '../../scan/test-files.ts';
import type { Finding, Rule } from '../../types.ts';
import { findingOf, positionOf } from '../define-rule.ts';
import { clientConstructions, describeConstruction } from './ai-sdks.ts';
import { callArguments, namedArguments, type Span } from './arguments.ts';
import { importsAny } from './imports.ts';
import { sourceViews, type SourceView } from './source-files.ts';

/** More retries than this is not resilience but amplification (the SDK default is 2). */
const MAX_SENSIBLE_RETRIES = 10;
const UNBOUNDED = /^(Infinity|Number\.(POSITIVE_INFINITY|MAX_SAFE_INTEGER|MAX_VALUE)|float\(\s*['"]inf(inity)?['"]\s*\)|math\.inf|sys\.maxsize)$/;
const NUMBER = /^\d[\d_]*(\.\d+)?(e\d+)?$/i;

/** Whether a retries value, as written, has no sensible bound. A variable cannot be judged. */
export function isUnboundedRetries(value: string): boolean {
  if (UNBOUNDED.test(value)) return true;
  return NUMBER.test(value) && Number(value.replaceAll('_', '')) > MAX_SENSIBLE_RETRIES;
}

/** `client.withOptions({ maxRetries })` / `client.with_options(max_retries=...)`: options changed after construction. */
const WITH_OPTIONS = /\.(withOptions|with_options)\s*\(/g;
const SDK_PACKAGES = { js: ['openai', '@anthropic-ai/sdk', 'groq-sdk'], python: ['openai', 'anthropic', 'groq'] } as const;

interface RetriesSetting {
  index: number;
  shown: string;
  args: Span;
}

/** Every place a file sets the SDK's retries: constructors and with-options calls. */
function retriesSettings(view: SourceView): RetriesSetting[] {
  const settings: RetriesSetting[] = clientConstructions(view).map((construction) => ({ index: construction.index, shown: describeConstruction(view, construction), args: construction.args }));
  if (!importsAny(view, SDK_PACKAGES[view.language])) return settings;
  for (const match of view.skeleton.matchAll(WITH_OPTIONS)) {
    const args = callArguments(view, match.index + match[0].length - 1);
    if (args) settings.push({ index: match.index + 1, shown: `${match[1]}(…)`, args });
  }
  return settings;
}

export const unboundedRetries: Rule = {
  id: 'unbounded-retries',
  title: 'AI client retries without a sensible bound',
  severity: 'medium',
  why: 'Every retry of a failed or timed-out call can be billed again and adds load while the provider is already struggling or rate-limiting you. With unbounded retries, one stuck request turns into a loop that runs up cost and never returns an error to the user.',
  fix: 'Keep the SDK default (2 retries) or set a small number (`maxRetries: 3` in JS/TS, `max_retries=3` in Python), together with an explicit timeout, so the worst case is bounded: (retries + 1) × timeout.',
  ignorable: 'anywhere',
  check(repository) {
    const findings: Finding[] = [];
    for (const view of sourceViews(repository)) {
      if (isTestFile(view.file)) continue;
      const key = view.language === 'python' ? 'max_retries' : 'maxRetries';
      for (const setting of retriesSettings(view)) {
        const retries = namedArguments(view, setting.args)?.values.get(key);
        const value = retries && view.code.slice(retries.start, retries.end);
        if (value && isUnboundedRetries(value)) {
          findings.push(findingOf(unboundedRetries, view.file, `\`${setting.shown}\` sets \`${key}\` to ${value}`, positionOf(view.text, setting.index)));
        }
      }
    }
    return findings;
  },
};
