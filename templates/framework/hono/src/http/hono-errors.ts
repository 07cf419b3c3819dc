import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../log/logger.ts';
import { errorResponse, errorResponseFor, type ErrorResponse } from './error-response.ts';
import type { HonoEnv } from './hono-env.ts';

export function sendError(c: Context<HonoEnv>, { status, headers, body }: ErrorResponse): Response {
  return c.json(body, status as ContentfulStatusCode, headers);
}

// Hono's own HTTPExceptions can carry a ready-made response and a message;
// only their status is used, and only for client errors.
function responseFor(error: unknown, requestId: string): ErrorResponse {
  if (error instanceof HTTPException && error.status < 500) {
    return errorResponse(error.status === 413 ? 'payload_too_large' : 'bad_request', requestId);
  }
  return errorResponseFor(error, requestId);
}

/**
 * Replaces Hono's default error handler, which prints the error with
 * console.error. Clients get a fixed message; the log gets the details,
 * redacted by the logger.
 */
export function errorHandler(logger: Logger): ErrorHandler<HonoEnv> {
  return (error, c) => {
    const requestId = c.get('requestId');
    const response = responseFor(error, requestId);
    const fields = { requestId, method: c.req.method, path: c.req.path, status: response.status };
    if (response.body.error.code === 'internal_error') {
      logger.error('http.error', { ...fields, error });
    } else {
      logger.warn('http.error', { ...fields, code: response.body.error.code });
    }
    return sendError(c, response);
  };
}
