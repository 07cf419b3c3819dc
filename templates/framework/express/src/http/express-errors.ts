import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from '../log/logger.ts';
import { errorResponse, errorResponseFor, type ErrorCode, type ErrorResponse } from './error-response.ts';

export function sendError(res: Response, { status, headers, body }: ErrorResponse): void {
  res.status(status).set(headers).json(body);
}

export const requestIdOf = (res: Response): string => String(res.locals['requestId']);

export const notFound: RequestHandler = (_req, res) => {
  sendError(res, errorResponse('not_found', requestIdOf(res)));
};

// body-parser marks its errors with `type`; their messages can quote the body, so
// only the type is used, never the message.
function bodyParserCode(error: unknown): ErrorCode | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return 'payload_too_large';
  if (type === 'entity.parse.failed') return 'invalid_json';
  const status = (error as { status?: unknown } | null)?.status;
  return typeof type === 'string' && typeof status === 'number' && status < 500 ? 'bad_request' : undefined;
}

/**
 * The last middleware. Replaces Express's default handler, which sends stack
 * traces whenever NODE_ENV is not `production`. Clients get a fixed message;
 * the log gets the details, redacted by the logger.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const requestId = requestIdOf(res);
    const code = bodyParserCode(error);
    const response = code ? errorResponse(code, requestId) : errorResponseFor(error, requestId);
    const fields = { requestId, method: req.method, path: req.path, status: response.status };
    if (response.body.error.code === 'internal_error') {
      logger.error('http.error', { ...fields, error });
    } else {
      logger.warn('http.error', { ...fields, code: response.body.error.code });
    }
    if (res.headersSent) {
      // Too late for a clean answer: cut the connection rather than send a second one.
      res.destroy();
      return;
    }
    sendError(res, response);
  };
}
