export const AI_ERROR_KINDS = ['invalid_input', 'auth', 'rate_limited', 'timeout', 'unavailable', 'upstream'] as const;
export type AiErrorKind = (typeof AI_ERROR_KINDS)[number];

/** Why input was refused; lets an HTTP layer answer 413 for `too_long`. */
export type InputProblem = 'not_text' | 'empty' | 'too_long' | 'control_chars';

// Fixed texts: upstream messages can echo the API key (OpenAI's 401 does) or
// the prompt, so none of them is ever copied into an AiError.
const MESSAGES: Record<AiErrorKind, string> = {
  invalid_input: 'The input was rejected: it must be non-empty text within the size limit, without control characters.',
  auth: 'The AI provider rejected the credentials. Check the API key variable.',
  rate_limited: 'The AI provider is rate limiting requests. Try again later.',
  timeout: 'The AI provider did not answer in time.',
  unavailable: 'The AI provider is unavailable right now.',
  upstream: 'The AI provider returned an unexpected error.',
};

export interface AiErrorDetails {
  /**
   * The provider's HTTP status, for logs. Not named `status`: Express and other
   * frameworks would answer the client with it (a 401 meant for us).
   */
  upstreamStatus?: number | undefined;
  /** Upstream request id, for support tickets. */
  requestId?: string | undefined;
  retryAfterSeconds?: number | undefined;
  inputProblem?: InputProblem | undefined;
}

/** The only error the AI module throws. It holds no upstream text and no cause. */
export class AiError extends Error {
  readonly kind: AiErrorKind;
  readonly upstreamStatus: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly inputProblem: InputProblem | undefined;

  constructor(kind: AiErrorKind, details: AiErrorDetails = {}) {
    super(MESSAGES[kind]);
    this.name = 'AiError';
    this.kind = kind;
    this.upstreamStatus = details.upstreamStatus;
    this.requestId = details.requestId;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.inputProblem = details.inputProblem;
  }
}

type ErrorClass = abstract new (...args: never[]) => Error;

/** The error classes every Stainless-generated SDK (openai, @anthropic-ai/sdk) exports. */
export interface SdkErrorClasses {
  APIError: ErrorClass;
  APIConnectionError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
  APIUserAbortError: ErrorClass;
}

interface ApiErrorFields {
  status?: unknown;
  headers?: unknown;
  requestID?: unknown;
}

function retryAfterSeconds(headers: unknown): number | undefined {
  if (!(headers instanceof Headers)) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (ms > 0) return Math.ceil(ms / 1000);
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = /^\d+$/.test(raw) ? Number(raw) : (Date.parse(raw) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

function kindForStatus(status: number | undefined): AiErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status !== undefined && status >= 500) return 'unavailable';
  return 'upstream';
}

/**
 * Maps an SDK error to an AiError. The provider passes its SDK's classes in so
 * the checks use `instanceof`, not name strings. Anything that is not an SDK
 * error (a bug in our code) is returned unchanged so it surfaces as a 500.
 */
export function toAiError(error: unknown, sdk: SdkErrorClasses): unknown {
  if (error instanceof AiError) return error;
  // A caller's abort is how deadlines (AbortSignal.timeout) reach us.
  if (error instanceof sdk.APIConnectionTimeoutError || error instanceof sdk.APIUserAbortError) {
    return new AiError('timeout');
  }
  if (error instanceof sdk.APIConnectionError) return new AiError('unavailable');
  if (!(error instanceof sdk.APIError)) return error;
  const fields = error as ApiErrorFields;
  const status = typeof fields.status === 'number' ? fields.status : undefined;
  const kind = kindForStatus(status);
  return new AiError(kind, {
    upstreamStatus: status,
    requestId: typeof fields.requestID === 'string' ? fields.requestID : undefined,
    retryAfterSeconds: kind === 'rate_limited' ? retryAfterSeconds(fields.headers) : undefined,
  });
}
