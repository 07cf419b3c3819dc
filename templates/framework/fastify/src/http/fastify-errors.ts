import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../log/logger.ts';
import { errorResponse, errorResponseFor, type ErrorCode, type ErrorResponse } from './error-response.ts';
import { REQUEST_ID_HEADER } from './request-id.ts';

export function sendError(reply: FastifyReply, { status, headers, body }: ErrorResponse): FastifyReply {
  return reply.code(status).header(REQUEST_ID_HEADER, body.requestId).headers(headers).send(body);
}

/** What the rate limiter throws; it carries the wait and nothing else. */
export class RateLimitedError extends Error {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    super('Rate limit exceeded.');
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

// Fastify's own errors carry a `code`; their messages can quote the request, so
// only the code (or, for other client errors, the 4xx status) is used.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
};

function clientErrorCode(error: unknown): ErrorCode | undefined {
  const { code, statusCode } = (error ?? {}) as { code?: unknown; statusCode?: unknown };
  if (typeof code === 'string' && Object.hasOwn(FASTIFY_CODES, code)) return FASTIFY_CODES[code];
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 ? 'bad_request' : undefined;
}

function responseFor(error: unknown, requestId: string): ErrorResponse {
  if (error instanceof RateLimitedError) return errorResponse('rate_limited', requestId, error.retryAfterSeconds);
  const code = clientErrorCode(error);
  return code ? errorResponse(code, requestId) : errorResponseFor(error, requestId);
}

/**
 * Replaces Fastify's default error handler, which answers with the error's own
 * message and status. Clients get a fixed message; the log gets the details,
 * redacted by the logger.
 */
export function errorHandler(logger: Logger) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): void => {
    const response = responseFor(error, request.id);
    // The path without its query string, which may carry anything.
    const fields = { requestId: request.id, method: request.method, path: request.url.split('?', 1)[0], status: response.status };
    if (response.body.error.code === 'internal_error') {
      logger.error('http.error', { ...fields, error });
    } else {
      logger.warn('http.error', { ...fields, code: response.body.error.code });
    }
    if (reply.raw.headersSent) {
      // Too late for a clean answer: cut the connection rather than send a second one.
      reply.raw.destroy();
      return;
    }
    sendError(reply, response);
  };
}
