import { newRequestId, REQUEST_ID_HEADER } from '../../http/request-id.ts';
import { serverConfig } from '../../server/context.ts';
import { corsHeaders } from '../../server/cors.ts';

/** GET /health: answers without touching the AI provider, for load balancers and probes. */
export function GET(request: Request): Response {
  const headers = { 'Cache-Control': 'no-store', [REQUEST_ID_HEADER]: newRequestId(), ...corsHeaders(request, serverConfig().CORS_ORIGINS) };
  return Response.json({ status: 'ok' }, { headers });
}
