import assert from 'node:assert/strict';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A stack frame, a Node internal or a dependency path: none may reach a client or a log. */
export const STACK_FRAME = /\bat .+:\d+:\d+|node:internal|node_modules/;

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
}

/**
 * A request init with a streamed body. `duplex` is missing from the DOM's RequestInit
 * type, which projects with the DOM lib (e.g. an existing app this module was added
 * to) use instead of Node's, so it is typed here rather than inline.
 */
export type StreamingInit = RequestInit & { duplex: 'half' };

/** POSTs `bytes` as a stream, so no Content-Length tells the server the size up front. */
export function postChunked(url: string, bytes: Uint8Array): Promise<Response> {
  const chunkSize = 4 * 1024;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += chunkSize) controller.enqueue(bytes.subarray(at, at + chunkSize));
      controller.close();
    },
  });
  const init: StreamingInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' };
  return fetch(url, init);
}

export interface ErrorBody {
  error: { code: string; message: string };
  requestId: string;
}

/** Asserts our error shape: status, JSON, exactly `{error: {code, message}, requestId}`, the id in the header. */
export async function assertErrorBody(response: Response, status: number, code: string): Promise<ErrorBody> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  const body = (await response.json()) as ErrorBody;
  assert.deepEqual(Object.keys(body).sort(), ['error', 'requestId']);
  assert.deepEqual(Object.keys(body.error).sort(), ['code', 'message']);
  assert.equal(body.error.code, code);
  assert.equal(body.requestId, response.headers.get('x-request-id'));
  return body;
}

/** The headers every response of our server carries (helmet with the policy of src/http/policy.ts). */
export function assertSecurityHeaders(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=\d{7,}/);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('x-powered-by'), null);
}
