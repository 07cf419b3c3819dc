export const REDACTED = '[REDACTED]';

// Field names whose values are secrets, compared after lower-casing and removing
// `-` and `_` (so `x-api-key`, `OPENAI_API_KEY` and `apiKey` all match).
// `token(?!s)` keeps counters such as `max_output_tokens` readable.
const SECRET_FIELD = /authorization|apikey|privatekey|token(?!s)|secret|passw(or)?d|cookie|credential|session/;

// Values that look like keys wherever they appear, even inside an error message.
const SECRET_VALUES: readonly RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{16,}/g, // OpenAI (sk-, sk-proj-) and Anthropic (sk-ant-) keys
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\b(?:gh[pousr]_|github_pat_|xox[abpr]-|AIza|AKIA)[A-Za-z0-9_-]{12,}/g,
];
// A long run of mixed case letters and digits is a token, not a word. Lower-case
// hex is left alone so UUIDs and OpenAI request ids stay readable.
const LONG_TOKEN = /[A-Za-z0-9_+=-]{32,}/g;
const looksRandom = (run: string) => /[a-z]/.test(run) && /[A-Z]/.test(run) && /\d/.test(run);

const MAX_DEPTH = 8;

export function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name.toLowerCase().replace(/[-_]/g, ''));
}

export function redactString(text: string): string {
  let out = text;
  for (const pattern of SECRET_VALUES) out = out.replace(pattern, REDACTED);
  return out.replace(LONG_TOKEN, (run) => (looksRandom(run) ? REDACTED : run));
}

// Only name and message: stacks are noise in logs, and SDK errors carry the
// response body and headers as fields, which are dropped here.
function redactError(error: Error): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: redactString(error.message) };
  for (const field of ['kind', 'code', 'status', 'upstreamStatus', 'requestId', 'inputProblem'] as const) {
    const value: unknown = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string') out[field] = redactString(value);
    else if (typeof value === 'number') out[field] = value;
  }
  return out;
}

/** Returns a JSON-safe copy with secret fields and key-shaped strings replaced; cycle-safe. */
export function redact(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactError(value);
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (Array.isArray(value)) return value.map((item) => redact(item, seen, depth + 1));
    if (value instanceof Headers || value instanceof Map) {
      return redact(Object.fromEntries(value.entries()), seen, depth + 1);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = isSecretField(key) ? REDACTED : redact(item, seen, depth + 1);
    }
    return out;
  } finally {
    // Only ancestors count as cycles: the same object twice side by side is fine.
    seen.delete(value);
  }
}
