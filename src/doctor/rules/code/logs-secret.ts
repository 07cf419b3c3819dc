import { isSecretName } from '../../secrets/key-shapes.ts';
import type { Finding, Rule } from '../../types.ts';
import { findingOf, positionOf } from '../define-rule.ts';
import { clientConstructions } from './ai-sdks.ts';
import { callArguments, type Span } from './arguments.ts';
import { sourceViews, type SourceView } from './source-files.ts';

/**
 * Log and print calls whose arguments hold a secret: the whole environment, an env variable
 * with a secret name, an SDK client (which keeps its key as a public field) or its key.
 * Searched in the skeleton, so a string that mentions `console.log(process.env)` or a
 * comment is not a call. Not followed: a secret copied into a variable first
 * (`const key = process.env.X; console.log(key)`) - that needs data flow.
 */

const LOG_METHODS = 'log|info|warn|warning|error|debug|trace|fatal|verbose|silly|dir|table|notice|critical';
/** `console.log(`, `logger.info(`, `this.logger.warn(`, `req.log.error(`, `fastify.log.info(`. */
const JS_LOG_CALL = new RegExp(String.raw`(?<![\w$.])(?:[A-Za-z_$][\w$]*\.){0,3}(?:console|logger|log|_logger|_log|LOGGER|LOG)\.(?:${LOG_METHODS})\s*\(`, 'g');
/** `print(`, `pprint(`, `logging.info(`, `logger.exception(`, `self._logger.warning(`, `sys.stderr.write(`. */
const PYTHON_LOG_CALL = /(?<![\w.])(?:(?:[A-Za-z_]\w*\.){0,3}(?:logging|logger|log|_logger|_log|LOGGER|LOG)\.(?:debug|info|warning|warn|error|exception|critical|fatal|log)|print|pprint(?:\.pprint)?|(?:sys\.)?(?:stdout|stderr)\.write)\s*\(/g;

/** Where the environment is read (each anchor then classified by what follows it in `code`). */
const JS_ENV = /(?<=^|[^\w$.]|\.\.\.)(?:process\.env|Bun\.env|import\.meta\.env|Deno\.env\.toObject\s*\(\s*\)|Deno\.env\.get\s*\()/g;
const PYTHON_ENV = /(?<![\w.])(?:os\.environ|os\.getenv\s*\()/g;

// What follows an anchor, read from `code` (string contents kept) with sticky regexes.
const JS_MEMBER = /\s*(?:\?\.|\.)\s*([A-Za-z_$][\w$]*)/y;
const JS_INDEX = /\s*(?:\?\.)?\[\s*(['"`])([^'"`\n]+)\1\s*\]/y;
const PYTHON_INDEX = /\s*\[\s*(['"])([^'"\n]+)\1\s*\]/y;
const PYTHON_GET = /\s*\.\s*get\s*\(\s*(['"])([^'"\n]+)\1[^)]*\)/y;
const QUOTED_ARGUMENT = /\s*(['"])([^'"\n]+)\1[^)]*\)/y;
/** `os.environ.copy()`, `.items()`, `.values()`: the values, all of them. */
const PYTHON_WHOLE_METHOD = /\s*\.\s*(?:copy|items|values)\s*\(\s*\)/y;
/** Any other member or index: `.keys()`, `.pop(...)`, `[name]`. Not judged. */
const ANY_ACCESS = /\s*(?:\?\.|\.|\[|\()/y;

const stickyMatch = (pattern: RegExp, text: string, at: number) => {
  pattern.lastIndex = at;
  return pattern.exec(text);
};

/** What an expression in a log call reveals. */
interface Leak {
  start: number;
  end: number;
  kind: 'environment' | 'variable' | 'client' | 'client-key';
  /** The expression as shown in the message: rebuilt from names only, never a value (a default could be a key). */
  shown: string;
  /** Whether `Object.keys(…)`, `list(…)`, `sorted(…)` around it would leave only names. */
  namesOnlyWrapsAreSafe?: boolean;
}

/** Classifies an environment anchor at `start`..`end` of `view.skeleton`. */
function environmentLeak(view: SourceView, anchor: string, start: number): Leak | undefined {
  const end = start + anchor.length;
  const { code } = view;
  if (view.language === 'python') {
    if (anchor.startsWith('os.getenv')) {
      const argument = stickyMatch(QUOTED_ARGUMENT, code, end);
      return argument && isSecretName(argument[2]!) ? { start, end: end + argument[0].length, kind: 'variable', shown: `os.getenv("${argument[2]}")` } : undefined;
    }
    const indexed = stickyMatch(PYTHON_INDEX, code, end);
    if (indexed) return isSecretName(indexed[2]!) ? { start, end: end + indexed[0].length, kind: 'variable', shown: `os.environ["${indexed[2]}"]` } : undefined;
    const got = stickyMatch(PYTHON_GET, code, end);
    if (got) return isSecretName(got[2]!) ? { start, end: end + got[0].length, kind: 'variable', shown: `os.environ.get("${got[2]}")` } : undefined;
    const whole = stickyMatch(PYTHON_WHOLE_METHOD, code, end);
    if (whole) return { start, end: end + whole[0].length, kind: 'environment', shown: `os.environ${whole[0].replace(/\s+/g, '')}` };
    return stickyMatch(ANY_ACCESS, code, end) ? undefined : { start, end, kind: 'environment', shown: 'os.environ', namesOnlyWrapsAreSafe: true };
  }
  if (anchor.startsWith('Deno.env.toObject')) return { start, end, kind: 'environment', shown: 'Deno.env.toObject()' };
  if (anchor.startsWith('Deno.env.get')) {
    const argument = stickyMatch(QUOTED_ARGUMENT, code, end);
    return argument && isSecretName(argument[2]!) ? { start, end: end + argument[0].length, kind: 'variable', shown: `Deno.env.get("${argument[2]}")` } : undefined;
  }
  const named = stickyMatch(JS_INDEX, code, end) ?? stickyMatch(JS_MEMBER, code, end);
  if (named) {
    const name = named[2] ?? named[1]!;
    return isSecretName(name) ? { start, end: end + named[0].length, kind: 'variable', shown: `${anchor}.${name}` } : undefined;
  }
  // `import.meta.env` whole holds only what Vite already ships to the browser.
  if (stickyMatch(ANY_ACCESS, code, end) || anchor === 'import.meta.env') return undefined;
  return { start, end, kind: 'environment', shown: anchor, namesOnlyWrapsAreSafe: true };
}

/** Where a log call's arguments use one of the file's SDK clients. */
function clientLeaks(view: SourceView, args: Span, clients: RegExp | undefined): Leak[] {
  if (!clients) return [];
  const leaks: Leak[] = [];
  const python = view.language === 'python';
  for (const match of view.skeleton.slice(args.start, args.end).matchAll(clients)) {
    const start = args.start + match.index;
    const end = start + match[0].length;
    const key = stickyMatch(python ? /\s*\.\s*(?:api_key|__dict__)\b/y : /\s*(?:\?\.|\.)\s*(?:apiKey|_options)\b/y, view.code, end);
    if (key) leaks.push({ start, end: end + key[0].length, kind: 'client-key', shown: `${match[0]}${key[0].replace(/\s+/g, '')}` });
    else if (python) {
      // A Python client's repr shows no key; `vars(client)` shows every attribute.
      if (/\bvars\s*\(\s*$/.test(view.skeleton.slice(Math.max(args.start, start - 12), start))) leaks.push({ start, end, kind: 'client', shown: match[0] });
    } else if (!stickyMatch(ANY_ACCESS, view.code, end) && !stickyMatch(/\s*:(?!:)/y, view.code, end)) {
      leaks.push({ start, end, kind: 'client', shown: match[0] });
    }
  }
  return leaks;
}

/** A regex for the variables holding an SDK client in this file, or undefined when there are none. */
function clientVariables(view: SourceView): RegExp | undefined {
  const names = [...new Set(clientConstructions(view).flatMap((construction) => (construction.variable ? [construction.variable] : [])))];
  if (names.length === 0) return undefined;
  // A class field `client` is used as `this.client`.
  const escaped = names.map((name) => (view.language === 'js' && !name.startsWith('this.') ? String.raw`(?:this\.)?` : '') + name.replace(/[.$]/g, '\\$&'));
  return new RegExp(String.raw`(?<=^|[^\w$.#]|\.\.\.)(?:${escaped.join('|')})(?![\w$])`, 'g');
}

// Uses that print nothing of the value: a presence check, a comparison, a short prefix.
const HARMLESS_AFTER = /^\s*(?:\?(?![?.])|[=!]==?|[<>]=?|&&|(?:\?\.|\.)length\b|(?:\?\.|\.)(?:slice|substring|substr)\(\s*(?:0\s*,\s*\d\s*\)|-\d\s*\))|\[\s*(?::\s*\d|-\d\s*:)\s*\]|is\b|in\b|and\b)/;
const HARMLESS_BEFORE = /(?:!|[=!]==?|[<>]=?|\btypeof|\bnot|\bif|\bin|\bis)\s*$/;
/** Calls around the value that reduce it to something safe to print. */
const SAFE_WRAPPER = /(?:^|\.)(?:redact\w*|mask\w*|sanitiz\w*|scrub\w*|censor\w*|hash\w*|sha\d*|digest|Boolean|bool|len|has\w*|is[A-Z]\w*)$/i;
/** Calls that leave only the names of the environment's variables. */
const NAMES_ONLY_WRAPPER = /(?:^|\.)(?:keys|list|sorted|set)$/;

/** The callees of the calls enclosing `at` within the log call's arguments, innermost first. */
function enclosingCallees(skeleton: string, args: Span, at: number): string[] {
  const callees: string[] = [];
  let depth = 0;
  // A wrapper that makes a value safe sits right around it: looking further back would
  // make a call with thousands of arguments cost the square of its length.
  for (let index = at - 1; index >= Math.max(args.start, at - 2000); index -= 1) {
    const char = skeleton[index];
    if (char === ')' || char === ']' || char === '}') depth += 1;
    else if (char === '(' || char === '[' || char === '{') {
      if (depth > 0) depth -= 1;
      else if (char === '(') callees.push(/[\w$.]*$/.exec(skeleton.slice(Math.max(args.start, index - 60), index).trimEnd())![0]);
    }
  }
  return callees;
}

function isHarmless(view: SourceView, args: Span, leak: Leak): boolean {
  const { skeleton } = view;
  if (HARMLESS_AFTER.test(skeleton.slice(leak.end, leak.end + 40))) return true;
  if (HARMLESS_BEFORE.test(skeleton.slice(Math.max(args.start, leak.start - 12), leak.start))) return true;
  return enclosingCallees(skeleton, args, leak.start).some((callee) => SAFE_WRAPPER.test(callee) || (leak.namesOnlyWrapsAreSafe === true && NAMES_ONLY_WRAPPER.test(callee)));
}

const describe = (leak: Leak): string => {
  switch (leak.kind) {
    case 'environment':
      return `the whole environment (\`${leak.shown}\`), every key in it included`;
    case 'variable':
      return `\`${leak.shown}\``;
    case 'client':
      return `the AI client \`${leak.shown}\`, which holds its API key as a field`;
    case 'client-key':
      return `\`${leak.shown}\`, the AI client's key`;
  }
};

function findingsIn(view: SourceView): Finding[] {
  const findings: Finding[] = [];
  const python = view.language === 'python';
  const clients = clientVariables(view);
  const reported = new Set<number>();
  for (const call of view.skeleton.matchAll(python ? PYTHON_LOG_CALL : JS_LOG_CALL)) {
    const args = callArguments(view, call.index + call[0].length - 1);
    if (!args) continue;
    const text = view.skeleton.slice(args.start, args.end);
    const environment = [...text.matchAll(python ? PYTHON_ENV : JS_ENV)].flatMap((match) => environmentLeak(view, match[0], args.start + match.index) ?? []);
    const callName = call[0].replace(/\s*\($/, '');
    for (const leak of [...environment, ...clientLeaks(view, args, clients)]) {
      if (reported.has(leak.start) || isHarmless(view, args, leak)) continue;
      reported.add(leak.start);
      findings.push(findingOf(logsSecret, view.file, `\`${callName}(…)\` prints ${describe(leak)}`, positionOf(view.text, call.index)));
    }
  }
  return findings;
}

export const logsSecret: Rule = {
  id: 'logs-secret',
  title: 'Secret written to a log',
  severity: 'high',
  why: 'Logs are copied to places with far wider access than your secrets: log services, CI output, error trackers, support tickets, screenshots. A key printed once can be read by anyone with access to any of them, for as long as the logs are kept.',
  fix: 'Log whether a key is set (`Boolean(process.env.OPENAI_API_KEY)`), never its value or the whole environment; log the client\'s model or request id, not the client. Route logs through a logger that redacts key-shaped values. Then rotate any key that was already logged.',
  ignorable: 'anywhere',
  check(repository) {
    return sourceViews(repository).flatMap(findingsIn);
  },
};
