import { callArguments, type Span } from './arguments.ts';
import { importsAny } from './imports.ts';
import type { SourceView } from './source-files.ts';

/** npm packages of AI provider SDKs: each one needs a secret key to do anything. */
export const JS_AI_SDKS = ['openai', '@anthropic-ai/sdk', '@google/genai', '@google/generative-ai', 'groq-sdk', '@mistralai/mistralai', 'cohere-ai', '@huggingface/inference', 'replicate'] as const;

/**
 * The client classes built on the OpenAI/Anthropic SDK code base (Groq's is generated the
 * same way): a 10-minute default timeout, 2 retries, `timeout` / `maxRetries` options.
 * Each is only counted in a file importing its package, so a class of the same name that
 * the project wrote itself is not mistaken for it.
 */
const JS_CLIENTS: Record<string, string> = { OpenAI: 'openai', AzureOpenAI: 'openai', Anthropic: '@anthropic-ai/sdk', Groq: 'groq-sdk' };
const PYTHON_CLIENTS: Record<string, string> = {
  OpenAI: 'openai',
  AsyncOpenAI: 'openai',
  AzureOpenAI: 'openai',
  AsyncAzureOpenAI: 'openai',
  Anthropic: 'anthropic',
  AsyncAnthropic: 'anthropic',
  Groq: 'groq',
  AsyncGroq: 'groq',
};

/** `new OpenAI(`, `new Anthropic (`; not `new OpenAIStream(`. */
const JS_CONSTRUCTION = new RegExp(String.raw`(?<![\w$.])new\s+(${Object.keys(JS_CLIENTS).join('|')})\s*\(`, 'g');
/** `OpenAI(`, `openai.AsyncOpenAI(`; not `class OpenAI(`, `def Anthropic(`, `x.OpenAI(`. */
const PYTHON_CONSTRUCTION = new RegExp(String.raw`(?<![\w.])(?:(openai|anthropic|groq)\.)?(${Object.keys(PYTHON_CLIENTS).join('|')})\s*\(`, 'g');
const PYTHON_DEFINITION = /\b(?:class|def)\s+$/;

/**
 * Where a construction's result goes: `const client =`, `this.client =`, a class field
 * `private readonly client: OpenAI =`, `self.client: OpenAI =`.
 */
const JS_ASSIGNED_TO = /(?:\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)|(?<![\w$.#])((?:this\.)?#?[A-Za-z_$][\w$]*))\s*(?::[^=;]*)?=\s*$/;
const PYTHON_ASSIGNED_TO = /(?<![\w.])((?:self\.)?[A-Za-z_]\w*)\s*(?::[^=\n]*)?=\s*$/;

export interface ClientConstruction {
  /** The class as written: `OpenAI`, `AsyncAnthropic`. */
  className: string;
  /** Offset of `new` (JS) or of the class name (Python). */
  index: number;
  args: Span;
  /** The variable or field it is assigned to, when that is visible. */
  variable?: string;
}

const CACHE = new WeakMap<SourceView, ClientConstruction[]>();

/** The SDK clients a file constructs (in code: not in comments or strings). */
export function clientConstructions(view: SourceView): ClientConstruction[] {
  const cached = CACHE.get(view);
  if (cached) return cached;
  const found: ClientConstruction[] = [];
  const python = view.language === 'python';
  const clients = python ? PYTHON_CLIENTS : JS_CLIENTS;
  for (const match of view.skeleton.matchAll(python ? PYTHON_CONSTRUCTION : JS_CONSTRUCTION)) {
    const className = (python ? match[2] : match[1])!;
    if (!importsAny(view, [clients[className]!])) continue;
    const before = view.skeleton.slice(Math.max(0, match.index - 120), match.index);
    if (python && PYTHON_DEFINITION.test(before)) continue;
    const args = callArguments(view, match.index + match[0].length - 1);
    if (!args) continue;
    const assigned = (python ? PYTHON_ASSIGNED_TO : JS_ASSIGNED_TO).exec(before);
    const variable = assigned?.[1] ?? assigned?.[2];
    found.push({ className, index: match.index, args, ...(variable ? { variable } : {}) });
  }
  CACHE.set(view, found);
  return found;
}

/** How a construction reads in a message: `new OpenAI(...)`, `AsyncOpenAI()`. */
export const describeConstruction = (view: SourceView, construction: ClientConstruction): string =>
  `${view.language === 'python' ? '' : 'new '}${construction.className}(${construction.args.end > construction.args.start && /\S/.test(view.skeleton.slice(construction.args.start, construction.args.end)) ? '…' : ''})`;
