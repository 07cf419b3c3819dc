import { isTestFile } from '../../scan/test-files.ts';
import type { Finding, Rule } from '../../types.ts';
import { findingOf, positionOf } from '../define-rule.ts';
import { callArguments, namedArguments } from './arguments.ts';
import { importsAny } from './imports.ts';
import { sourceViews, type SourceView } from './source-files.ts';

/** Every name an SDK uses for the output cap. */
const CAP_KEYS = ['max_tokens', 'max_completion_tokens', 'max_output_tokens', 'maxTokens', 'maxOutputTokens'];

/**
 * The generation methods of the OpenAI-style SDKs (OpenAI, Anthropic, Groq, and compatible
 * ones), in JS and Python alike. `.embeddings.create`, `.files.create`, `.moderations.create`
 * do not generate text and have no cap.
 */
const SDK_GENERATION = /\.(chat\.completions|completions|responses|messages)\.(create|stream|parse)\s*\(/g;
/** The Vercel AI SDK's generation functions, counted in files importing `ai` only (the names are common). */
const AI_SDK_GENERATION = /(?<![\w$.])(generateText|streamText|generateObject|streamObject)\s*\(/g;
/** `openai.beta.threads.messages.create(...)` adds a message to a thread: nothing is generated. */
const THREAD_MESSAGES = /\bthreads\s*$/;

/** The key to suggest for each method. */
const CAP_FOR: Record<string, string> = {
  'chat.completions': 'max_completion_tokens',
  completions: 'max_tokens',
  responses: 'max_output_tokens',
  messages: 'max_tokens',
};

interface GenerationCall {
  index: number;
  shown: string;
  cap: string;
  open: number;
}

function generationCalls(view: SourceView): GenerationCall[] {
  const calls: GenerationCall[] = [];
  const python = view.language === 'python';
  for (const match of view.skeleton.matchAll(SDK_GENERATION)) {
    if (THREAD_MESSAGES.test(view.skeleton.slice(Math.max(0, match.index - 40), match.index))) continue;
    const cap = CAP_FOR[match[1]!]!;
    calls.push({ index: match.index + 1, shown: `.${match[1]}.${match[2]}(…)`, cap, open: match.index + match[0].length - 1 });
  }
  if (!python && importsAny(view, ['ai'])) {
    for (const match of view.skeleton.matchAll(AI_SDK_GENERATION)) {
      calls.push({ index: match.index, shown: `${match[1]}(…)`, cap: 'maxOutputTokens', open: match.index + match[0].length - 1 });
    }
  }
  return calls;
}

/**
 * A generation call whose visible parameters name a `model` but no output cap. The `model`
 * key is what tells a real request body from a same-named method of something else (a
 * Prisma `messages` table, a thread message) - so the rule does not need the SDK to be
 * imported in the same file, which it often is not (`import { openai } from '@/lib/ai'`).
 * A body that is a variable, or holds a spread or `**params`, cannot be judged: skipped.
 */
export const callWithoutOutputCap: Rule = {
  id: 'call-without-output-cap',
  title: 'AI call without an output cap',
  severity: 'low',
  why: 'Without a cap the model may write up to its maximum output (tens of thousands of tokens for some models), and you pay for every one. Anyone who can reach the endpoint can ask for the longest possible answer, over and over.',
  fix: 'Set a cap sized to what the feature needs: `max_completion_tokens` (Chat Completions), `max_output_tokens` (Responses), `max_tokens` (Anthropic Messages, legacy Completions), `maxOutputTokens` (Vercel AI SDK 5; `maxTokens` in 4). Read it from validated config so it can be tuned without a code change.',
  ignorable: 'anywhere',
  check(repository) {
    const findings: Finding[] = [];
    for (const view of sourceViews(repository)) {
      if (isTestFile(view.file)) continue;
      for (const call of generationCalls(view)) {
        const args = callArguments(view, call.open);
        const body = args && namedArguments(view, args);
        if (!body || body.opaque || !body.values.has('model')) continue;
        if (CAP_KEYS.some((key) => body.values.has(key))) continue;
        findings.push(findingOf(callWithoutOutputCap, view.file, `\`${call.shown}\` sets no output cap (\`${call.cap}\`)`, positionOf(view.text, call.index)));
      }
    }
    return findings;
  },
};
