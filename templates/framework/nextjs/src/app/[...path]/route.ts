import { errorResponse } from '../../http/error-response.ts';
import { newRequestId, REQUEST_ID_HEADER } from '../../http/request-id.ts';

// Any path no page or route claims gets our JSON 404, as in the other server
// variants, instead of an HTML page. Pages you add still take precedence.
function notFound(): Response {
  const { status, headers, body } = errorResponse('not_found', newRequestId());
  return Response.json(body, { status, headers: { ...headers, [REQUEST_ID_HEADER]: body.requestId } });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
