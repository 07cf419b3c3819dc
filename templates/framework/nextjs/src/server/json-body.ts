import type { ErrorCode } from '../http/error-response.ts';

export type JsonBody = { ok: true; value: unknown } | { ok: false; code: ErrorCode };

const isJson = (contentType: string | null) => /^application\/json\s*(;|$)/i.test(contentType ?? '');

/**
 * Reads a JSON body of at most `limitBytes`, counting raw bytes as they arrive,
 * so an oversized body is refused (413) before it is buffered or parsed, with or
 * without a truthful Content-Length. Parse errors never quote the body.
 */
export async function readJsonBody(request: Request, limitBytes: number): Promise<JsonBody> {
  // JSON only: a cross-site form cannot send it without a CORS preflight.
  if (!isJson(request.headers.get('content-type'))) return { ok: false, code: 'unsupported_media_type' };
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limitBytes) return { ok: false, code: 'payload_too_large' };
  if (request.body === null) return { ok: false, code: 'invalid_json' };

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, code: 'payload_too_large' };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away or the stream broke mid-body.
    return { ok: false, code: 'bad_request' };
  }

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: 'invalid_json' };
  }
}
