import { z } from 'zod';

// Building blocks for env schemas. Every message here is fixed text: an error
// names the variable and the rule, never the value (which may be a secret).

const blankToUndefined = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  // An empty variable is a mistake as often as an absent one: treat both alike.
  return trimmed === '' ? undefined : trimmed;
};

const given = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema);

/** A value that must be set, such as an API key. */
export const requiredString = () => given(z.string({ error: 'is required' }));

/** Free text with a default, such as a model name. */
export const stringWithDefault = (fallback: string) =>
  given(z.string({ error: 'must be text' }).optional()).transform((value) => value ?? fallback);

/** A whole number within bounds; the bounds keep a typo from disabling a limit. */
export const integer = (fallback: number, min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return given(z.string({ error: message }).optional()).transform((raw, ctx) => {
    if (raw === undefined) return fallback;
    const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    if (value >= min && value <= max) return value;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
};

/** One of a fixed set of words, such as a log level. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  given(z.enum(values, { error: `must be one of ${values.join(', ')}` }).optional()).transform(
    (value) => value ?? fallback,
  );

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/** Plain http would send the API key in clear text, so it is allowed only on this machine. */
export function isAllowedBaseUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  // Credentials inside a URL end up in logs and error messages.
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  return url.protocol === 'http:' && loopback;
}

const baseUrlMessage = 'must be an https: URL (http: only for localhost, 127.0.0.0/8 or [::1]) without credentials';

export const baseUrl = () =>
  requiredString().refine(isAllowedBaseUrl, { error: baseUrlMessage });

export const optionalBaseUrl = () =>
  given(z.string().optional()).refine((value) => value === undefined || isAllowedBaseUrl(value), {
    error: baseUrlMessage,
  });

/** Comma-separated origins such as `https://app.example.com`; `*` is deliberately not accepted. */
export const originList = () =>
  given(z.string().optional()).transform((raw, ctx) => {
    const origins = (raw ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
    const valid = origins.every((origin) => URL.canParse(origin) && new URL(origin).origin === origin);
    if (valid) return origins;
    ctx.addIssue({ code: 'custom', message: 'must be comma-separated origins like https://app.example.com' });
    return z.NEVER;
  });
