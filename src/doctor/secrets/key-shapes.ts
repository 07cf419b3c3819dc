/**
 * What an AI provider's key looks like, and how to tell one from a placeholder. The one
 * list doctor uses: the hardcoded-key, `.env.example` and logging rules all ask here.
 * (Generated projects carry their own copy in their redaction and secret-scan code,
 * since they must not depend on this tool.)
 */
export interface KeyShape {
  provider: string;
  /** Text every match contains: a file without it is not searched with the pattern. */
  needle: string;
  /** Global, so every key in a line is found. The `prefix` group is shown when masking. */
  pattern: RegExp;
}

export const KEY_SHAPES: readonly KeyShape[] = [
  { provider: 'Anthropic', needle: 'sk-ant-', pattern: /\b(?<prefix>sk-ant-[a-z]+\d*-)[A-Za-z0-9_-]{32,}/g },
  { provider: 'OpenAI', needle: 'sk-', pattern: /\b(?<prefix>sk-(?:proj|svcacct|admin)-)[A-Za-z0-9_-]{32,}/g },
  // Legacy OpenAI keys hide "openai" in base64 (T3BlbkFJ) in the middle.
  { provider: 'OpenAI', needle: 'T3BlbkFJ', pattern: /\b(?<prefix>sk-)[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b/g },
  { provider: 'Google AI', needle: 'AIza', pattern: /\b(?<prefix>AIza)[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { provider: 'Groq', needle: 'gsk_', pattern: /\b(?<prefix>gsk_)[A-Za-z0-9]{48,56}\b/g },
  { provider: 'Hugging Face', needle: 'hf_', pattern: /\b(?<prefix>hf_)[A-Za-z0-9]{30,40}\b/g },
  { provider: 'xAI', needle: 'xai-', pattern: /\b(?<prefix>xai-)[A-Za-z0-9]{70,90}\b/g },
  { provider: 'Perplexity', needle: 'pplx-', pattern: /\b(?<prefix>pplx-)[A-Za-z0-9]{40,56}\b/g },
  { provider: 'Replicate', needle: 'r8_', pattern: /\b(?<prefix>r8_)[A-Za-z0-9]{37}\b/g },
  // DeepSeek, OpenRouter (sk-or-v1-), Mistral-style proxies and older OpenAI keys.
  { provider: 'an sk- style', needle: 'sk-', pattern: /\b(?<prefix>sk-(?:[a-z]{2,8}-(?:v\d+-)?)?)[A-Za-z0-9_-]{24,}/g },
];

/**
 * What marks a value as an example: a filler (`xxxx`, `...`, `<...>`, `{{...}}`, `${...}`)
 * or a placeholder word written as a word, all lower or all upper case and not inside
 * other letters (`your-key-here`, `REPLACE_ME`). A real key is random in case, so the
 * same letters turn up in one ("hEre") without making it an example.
 */
const FILLER = /x{4,}|X{4,}|\.\.\.|…|<|>|\{\{|\$\{/;
const WORDS = 'your|example|placeholder|replace|insert|changeme|change_me|redacted|dummy|sample|here';
const PLACEHOLDER_WORD = new RegExp(`(?:^|[^a-z])(?:${WORDS})(?![a-z])|(?:^|[^A-Z])(?:${WORDS.toUpperCase()})(?![A-Z])`);
const isPlaceholder = (token: string): boolean => FILLER.test(token) || PLACEHOLDER_WORD.test(token);

/** Shannon entropy in bits per character. */
export function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / text.length) * Math.log2(count / text.length);
  return bits;
}

/**
 * `abcdef`, `123456`, `zyxwvu`: typed, not generated. Six characters in a row counting up
 * or down turn up in a random 40-character key about once in a billion.
 */
function hasCountingRun(token: string, length = 6): boolean {
  let up = 1;
  let down = 1;
  for (let index = 1; index < token.length; index += 1) {
    const step = token.charCodeAt(index) - token.charCodeAt(index - 1);
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if (up >= length || down >= length) return true;
  }
  return false;
}

/**
 * Whether a token (without its provider prefix) is random enough to be a real secret: no
 * placeholder word, no long run of one character or of counting characters, two or more of lower case / upper
 * case / digits, and at least 3.5 bits of entropy per character (a real 32-character
 * key has about 4.5; "your-openai-api-key" has 3.4 and no digits).
 */
export function looksRandom(token: string): boolean {
  if (token.length < 16 || isPlaceholder(token) || /(.)\1{5,}/.test(token) || hasCountingRun(token)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/].filter((kind) => kind.test(token)).length;
  return classes >= 2 && entropy(token) >= 3.5;
}

export interface KeyMatch {
  provider: string;
  /** 0-based offset in the text searched. */
  index: number;
  /** Safe to print: the prefix, an ellipsis, the last four characters and the length. */
  masked: string;
}

/** `sk-proj-…9xQz (164 chars)`: enough to find and rotate the key, never enough to use it. */
export function maskKey(key: string, prefix = ''): string {
  const tail = key.length - prefix.length >= 24 ? key.slice(-4) : '';
  return `${prefix}…${tail} (${key.length} chars)`;
}

/** The provider keys in a piece of text; a text position is claimed by its first shape. */
export function findKeys(text: string): KeyMatch[] {
  const matches: KeyMatch[] = [];
  const claimed: Array<[number, number]> = [];
  for (const shape of KEY_SHAPES) {
    if (!text.includes(shape.needle)) continue;
    for (const match of text.matchAll(shape.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (claimed.some(([from, to]) => start < to && end > from)) continue;
      const prefix = match.groups?.prefix ?? '';
      if (!looksRandom(match[0].slice(prefix.length))) continue;
      claimed.push([start, end]);
      matches.push({ provider: shape.provider, index: start, masked: maskKey(match[0], prefix) });
    }
  }
  return matches.sort((a, b) => a.index - b.index);
}

/**
 * A variable or field name that holds a secret: `OPENAI_API_KEY`, `apiKey`, `x-api-key`,
 * `CLIENT_SECRET`, `HF_TOKEN`, `SUPABASE_SERVICE_ROLE_KEY`. Not names that are public by design (`…_PUBLISHABLE_KEY`,
 * `…_ANON_KEY`, `…_PUBLIC_KEY`) counters (`MAX_TOKENS`) or facts about a token (`TOKEN_TYPE`, `tokenExpiresAt`).
 */
export function isSecretName(name: string): boolean {
  const squashed = name.toLowerCase().replace(/[-_.]/g, '');
  if (/publishable|anon(ymous)?key|publickey|tokens|tokenizer|tokenlimit|token(type|expir|address|url|uri|endpoint)|keyid$|secretname/.test(squashed)) return false;
  return /apikey|secret|token|passw(or)?d|privatekey|accesskey|credential|authkey|serviceroleke?y/.test(squashed);
}
