import { isTestFile } from '../../scan/test-files.ts';
import type { Finding, Rule } from '../../types.ts';
import { findingOf, positionOf } from '../define-rule.ts';
import { clientConstructions, describeConstruction } from './ai-sdks.ts';
import { namedArguments } from './arguments.ts';
import { sourceViews } from './source-files.ts';

/** A timeout value that means "wait forever": Python's `timeout=None` switches the SDK's timeout off. */
const NO_TIMEOUT = /^(None|Infinity|Number\.POSITIVE_INFINITY|float\(\s*['"]inf(inity)?['"]\s*\)|math\.inf)$/;

/**
 * A client constructed without `timeout` in the options it visibly passes. When the
 * options are not a literal (a variable, a call) or hold a spread (`...limits`,
 * `**settings`), the timeout may well be set there: not reported, since it cannot be told.
 * Test files are skipped: their clients talk to a local mock server.
 */
export const clientWithoutTimeout: Rule = {
  id: 'client-without-timeout',
  title: 'AI client without a timeout',
  severity: 'medium',
  why: 'The OpenAI and Anthropic SDKs wait up to 10 minutes for a response by default, and retry after that. A slow or stuck provider then holds every request (and its connection, memory and the user) for that long, and a burst of them can take the service down.',
  fix: 'Pass an explicit timeout sized to your route, e.g. `new OpenAI({ timeout: 30_000 })` in JS/TS (milliseconds) or `OpenAI(timeout=30.0)` in Python (seconds), and pass the request\'s abort signal to each call so a client that leaves cancels it.',
  ignorable: 'anywhere',
  check(repository) {
    const findings: Finding[] = [];
    for (const view of sourceViews(repository)) {
      if (isTestFile(view.file)) continue;
      for (const construction of clientConstructions(view)) {
        const options = namedArguments(view, construction.args);
        if (!options) continue;
        const timeout = options.values.get('timeout');
        const shown = describeConstruction(view, construction);
        const position = positionOf(view.text, construction.index);
        if (timeout && NO_TIMEOUT.test(view.code.slice(timeout.start, timeout.end))) {
          findings.push(findingOf(clientWithoutTimeout, view.file, `\`${shown}\` sets \`timeout\` to ${view.code.slice(timeout.start, timeout.end)}: a stalled request is never abandoned`, position));
        } else if (!timeout && !options.opaque) {
          findings.push(findingOf(clientWithoutTimeout, view.file, `\`${shown}\` sets no \`timeout\`: a stalled request waits for the SDK's default of 10 minutes, per attempt`, position));
        }
      }
    }
    return findings;
  },
};
