import 'server-only';
import { handleChat } from '../http/chat.ts';
import { clientKey } from '../http/client-key.ts';
import { errorResponse, errorResponseFor, type ErrorResponse } from '../http/error-response.ts';
import { JSON_BODY_LIMIT_BYTES } from '../http/policy.ts';
import { newRequestId, REQUEST_ID_HEADER } from '../http/request-id.ts';
import type { ServerContext } from './context.ts';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { readJsonBody } from './json-body.ts';

export interface ChatRoute {
  POST(request: Request): Promise<Response>;
  OPTIONS(request: Request): Response;
  /** Our JSON 404, as the other server variants answer GET /api/chat. */
  GET(): Response;
}

const json = (status: number, body: unknown, headers: Record<string, string>) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

/**
 * POST /api/chat as Web-standard handlers, so tests can call them with plain
 * Request objects. Order matters: the rate limit comes first and the body is
 * read under its size cap before parsing, so refused requests cost no parsing
 * and no AI call. `context` is a function so the config is read on first use.
 */
export function createChatRoute(context: () => ServerContext): ChatRoute {
  return {
    async POST(request) {
      const requestId = newRequestId();
      const { config, logger, ai, limiter } = context();
      const headers = { [REQUEST_ID_HEADER]: requestId, ...corsHeaders(request, config.CORS_ORIGINS) };
      const fields = { requestId, method: request.method, path: '/api/chat' };
      const fail = (response: ErrorResponse) => json(response.status, response.body, { ...headers, ...response.headers });

      // src/server.ts sets X-Forwarded-For to the peer address, whatever the client sent.
      // Under another server, the rightmost address is the one the nearest proxy added;
      // the ones before it are whatever the client claimed.
      const decision = limiter.hit(clientKey(request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()));
      if (!decision.allowed) {
        logger.warn('http.error', { ...fields, status: 429, code: 'rate_limited' });
        return fail(errorResponse('rate_limited', requestId, decision.retryAfterSeconds));
      }

      const body = await readJsonBody(request, JSON_BODY_LIMIT_BYTES);
      if (!body.ok) {
        const response = errorResponse(body.code, requestId);
        logger.warn('http.error', { ...fields, status: response.status, code: body.code });
        // The rest of an oversized body is never read, so the connection cannot carry
        // another request: close it rather than leave the client waiting on it.
        if (body.code === 'payload_too_large') response.headers['Connection'] = 'close';
        return fail(response);
      }

      try {
        return json(200, await handleChat(ai, body.value, requestId, request.signal), headers);
      } catch (error) {
        const response = errorResponseFor(error, requestId);
        const code = response.body.error.code;
        // Details go to the (redacting) log only; the client gets the fixed body.
        if (code === 'internal_error') logger.error('http.error', { ...fields, status: response.status, error });
        else logger.warn('http.error', { ...fields, status: response.status, code });
        return fail(response);
      }
    },

    GET() {
      const requestId = newRequestId();
      const response = errorResponse('not_found', requestId);
      return json(response.status, response.body, { [REQUEST_ID_HEADER]: requestId, ...response.headers });
    },

    OPTIONS(request) {
      const { config } = context();
      return new Response(null, { status: 204, headers: preflightHeaders(request, config.CORS_ORIGINS) });
    },
  };
}
