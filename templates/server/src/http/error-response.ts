import { AiError } from '../ai/errors.ts';
import { DEFAULT_RETRY_AFTER_SECONDS } from './policy.ts';
import { newRequestId, REQUEST_ID_HEADER } from './request-id.ts';

// What a client may learn. Auth problems are ours to fix, not the caller's, so
// they look like any other upstream failure; no upstream text is ever copied.
const PUBLIC_ERRORS = {
  invalid_input: { status: 400, message: 'The message must be non-empty text without control characters.' },
  input_too_long: { status: 413, message: 'The message is too long.' },
  invalid_json: { status: 400, message: 'The request body must be valid JSON.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  unsupported_media_type: { status: 415, message: 'The request body must be JSON (Content-Type: application/json).' },
  bad_request: { status: 400, message: 'The request could not be read.' },
  not_found: { status: 404, message: 'Not found.' },
  request_timeout: { status: 408, message: 'The request took too long to arrive.' },
  rate_limited: { status: 429, message: 'Too many requests. Try again later.' },
  ai_timeout: { status: 504, message: 'The AI service did not answer in time.' },
  ai_unavailable: { status: 503, message: 'The AI service is unavailable right now.' },
  ai_error: { status: 502, message: 'The AI service could not complete the request.' },
  internal_error: { status: 500, message: 'Something went wrong.' },
} as const;

export type ErrorCode = keyof typeof PUBLIC_ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
  requestId: string;
}

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

export function errorResponse(code: ErrorCode, requestId: string, retryAfterSeconds?: number): ErrorResponse {
  const { status, message } = PUBLIC_ERRORS[code];
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (code === 'rate_limited') headers['Retry-After'] = String(retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
  return { status, headers, body: { error: { code, message }, requestId } };
}

/**
 * A whole fetch Response, for what a runtime's server answers before or around the app
 * (Bun's and Deno's error handlers, Deno's body deadline): the same body and request id.
 */
export function standaloneErrorResponse(code: ErrorCode, extraHeaders: Record<string, string> = {}): Response {
  const requestId = newRequestId();
  const { status, headers, body } = errorResponse(code, requestId);
  return Response.json(body, { status, headers: { ...headers, [REQUEST_ID_HEADER]: requestId, ...extraHeaders } });
}

const CODE_FOR_KIND = {
  invalid_input: 'invalid_input',
  auth: 'ai_error',
  rate_limited: 'rate_limited',
  timeout: 'ai_timeout',
  unavailable: 'ai_unavailable',
  upstream: 'ai_error',
} as const satisfies Record<AiError['kind'], ErrorCode>;

/** Any thrown value to a safe response; what is not an AiError is a 500. */
export function errorResponseFor(error: unknown, requestId: string): ErrorResponse {
  if (!(error instanceof AiError)) return errorResponse('internal_error', requestId);
  if (error.inputProblem === 'too_long') return errorResponse('input_too_long', requestId);
  return errorResponse(CODE_FOR_KIND[error.kind], requestId, error.retryAfterSeconds);
}
