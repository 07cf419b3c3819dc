import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { before } from 'node:test';
import { providerShape } from './provider-shape.ts';

export type FakeMode = 'ok' | 'slow' | 'auth' | 'rate_limited' | 'server_error' | 'redirect';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeProvider {
  /** Origin, such as http://127.0.0.1:12345 (append providerShape.baseUrlSuffix); read it once listening. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  mode: FakeMode;
  reply: string;
  slowMs: number;
  retryAfterSeconds: number;
  /** Where mode 'redirect' sends the client (a 307 to this origin plus the same path). */
  redirectTo: string;
  /** Forget recorded requests and go back to answering ok. */
  reset(): void;
  /** Starts listening on 127.0.0.1 with a random port; calling it again waits for the same start. */
  listen(): Promise<void>;
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

/**
 * A provider on 127.0.0.1 that records every request and answers as told, not yet
 * listening: its url is there once listen() has resolved.
 */
function createFakeProvider(): FakeProvider {
  const requests: RecordedRequest[] = [];
  let origin: string | undefined;
  let listening: Promise<void> | undefined;

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
    switch (fake.mode) {
      case 'ok':
        return send(res, 200, providerShape.okBody(fake.reply));
      case 'slow': {
        const timer = setTimeout(() => send(res, 200, providerShape.okBody(fake.reply)), fake.slowMs);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'auth': {
        const message = `Incorrect API key provided: ${receivedKey(req.headers)}. Check your key.`;
        return send(res, 401, providerShape.errorBody(401, message));
      }
      case 'rate_limited':
        return send(res, 429, providerShape.errorBody(429, 'Rate limit reached.'), {
          'retry-after': String(fake.retryAfterSeconds),
        });
      case 'server_error':
        return send(res, 500, providerShape.errorBody(500, 'The server had an error.'));
      case 'redirect':
        return send(res, 307, {}, { location: `${fake.redirectTo}${req.url ?? ''}` });
    }
  });
  server.keepAliveTimeout = 100;

  const fake: FakeProvider = {
    get url(): string {
      if (origin === undefined) {
        throw new Error(
          'The fake provider is not listening yet: read its url inside a test, or in a hook after `await fake.listen()` (top-level before hooks run side by side).',
        );
      }
      return origin;
    },
    requests,
    mode: 'ok',
    reply: 'Hello from the fake provider.',
    slowMs: 5_000,
    retryAfterSeconds: 7,
    redirectTo: '',
    reset() {
      requests.length = 0;
      Object.assign(fake, { mode: 'ok', slowMs: 5_000, retryAfterSeconds: 7, redirectTo: '' });
    },
    listen() {
      listening ??= new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
          server.off('error', reject);
          origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          resolve();
        });
      });
      return listening;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** A fake provider, already listening: for support code that runs inside a test or hook. */
export async function startFakeProvider(): Promise<FakeProvider> {
  const fake = createFakeProvider();
  await fake.listen();
  return fake;
}

/**
 * A fake provider for a whole test file, created at its top level without awaiting
 * (top-level await does not compile where the project builds CommonJS). It listens
 * in a before hook, so its url is there in every test. Node runs top-level before
 * hooks side by side, not one after another: a hook of the file that needs the url
 * awaits fake.listen() first (it starts listening once). Close it in an after hook.
 */
export function fakeProviderForFile(): FakeProvider {
  const fake = createFakeProvider();
  before(() => fake.listen());
  return fake;
}
