import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { providerShape } from './provider-shape.ts';

export type FakeMode = 'ok' | 'slow' | 'auth' | 'rate_limited' | 'server_error';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeProvider {
  /** Origin, such as http://127.0.0.1:12345 (append providerShape.baseUrlSuffix). */
  readonly url: string;
  readonly requests: RecordedRequest[];
  mode: FakeMode;
  reply: string;
  slowMs: number;
  retryAfterSeconds: number;
  /** Forget recorded requests and go back to answering ok. */
  reset(): void;
  close(): Promise<void>;
}

// Real providers echo the key they received in some errors (OpenAI's 401 does);
// the fake echoes all of it, the worst case.
function receivedKey(headers: IncomingHttpHeaders): string {
  const auth = headers['authorization'] ?? '';
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey : auth.replace(/^Bearer\s+/i, '');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let raw = '';
  for await (const chunk of req.setEncoding('utf8')) raw += chunk;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** A provider on 127.0.0.1 that records every request and answers as told. */
export async function startFakeProvider(): Promise<FakeProvider> {
  const state = { mode: 'ok' as FakeMode, reply: 'Hello from the fake provider.', slowMs: 5_000, retryAfterSeconds: 7 };
  const requests: RecordedRequest[] = [];

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, {
      'content-type': 'application/json',
      [providerShape.requestIdHeader]: `req_fake${requests.length}`,
      ...headers,
    });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const body = await readJson(req);
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
    if (req.method !== 'POST' || req.url !== providerShape.endpointPath) {
      return send(res, 404, providerShape.errorBody(404, `No route for ${req.url}`));
    }
    switch (state.mode) {
      case 'ok':
        return send(res, 200, providerShape.okBody(state.reply));
      case 'slow': {
        const timer = setTimeout(() => send(res, 200, providerShape.okBody(state.reply)), state.slowMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'auth': {
        const message = `Incorrect API key provided: ${receivedKey(req.headers)}. Check your key.`;
        return send(res, 401, providerShape.errorBody(401, message));
      }
      case 'rate_limited':
        return send(res, 429, providerShape.errorBody(429, 'Rate limit reached.'), {
          'retry-after': String(state.retryAfterSeconds),
        });
      case 'server_error':
        return send(res, 500, providerShape.errorBody(500, 'The server had an error.'));
    }
  });
  server.keepAliveTimeout = 100;

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    requests,
    reset() {
      requests.length = 0;
      Object.assign(state, { mode: 'ok', slowMs: 5_000, retryAfterSeconds: 7 });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
