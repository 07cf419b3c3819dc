import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AiError, toAiError, type SdkErrorClasses } from '../src/ai/errors.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

// Stand-ins with the class layout both Stainless SDKs share; the provider tests
// run the same mapping with the real SDK classes.
class APIError extends Error {
  readonly status: number | undefined;
  readonly headers: Headers | undefined;
  readonly requestID: string | undefined;

  constructor(message: string, status?: number, headers?: Headers, requestID?: string) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.requestID = requestID;
  }
}
class APIConnectionError extends APIError {}
class APIConnectionTimeoutError extends APIConnectionError {}
class APIUserAbortError extends APIError {}
const sdk: SdkErrorClasses = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

const map = (error: unknown) => {
  const mapped = toAiError(error, sdk);
  assert.ok(mapped instanceof AiError);
  return mapped;
};

test('HTTP statuses map to the few kinds', () => {
  const cases: Array<[number, AiError['kind']]> = [
    [400, 'upstream'], [401, 'auth'], [403, 'auth'], [404, 'upstream'], [408, 'timeout'],
    [429, 'rate_limited'], [500, 'unavailable'], [503, 'unavailable'], [504, 'timeout'], [529, 'unavailable'],
  ];
  for (const [status, kind] of cases) assert.equal(map(new APIError('x', status)).kind, kind, String(status));
});

test('connection failures, timeouts and aborts', () => {
  assert.equal(map(new APIConnectionTimeoutError('t')).kind, 'timeout');
  assert.equal(map(new APIUserAbortError('a')).kind, 'timeout');
  assert.equal(map(new APIConnectionError('c')).kind, 'unavailable');
});

test('retry-after in seconds, as a date, and in milliseconds', () => {
  const retry = (headers: Record<string, string>) => map(new APIError('x', 429, new Headers(headers))).retryAfterSeconds;
  assert.equal(retry({ 'retry-after': '12' }), 12);
  assert.equal(retry({ 'retry-after-ms': '1500' }), 2);
  const inOneMinute = new Date(Date.now() + 60_000).toUTCString();
  assert.ok(Math.abs((retry({ 'retry-after': inOneMinute }) ?? 0) - 60) <= 2);
  assert.equal(retry({}), undefined);
});

test('keeps status and request id, drops the upstream message and cause', () => {
  const mapped = map(new APIError(`401 Incorrect API key provided: ${SENTINEL}`, 401, new Headers(), 'req_123'));
  assert.equal(mapped.upstreamStatus, 401);
  assert.equal(mapped.requestId, 'req_123');
  assert.ok(!('cause' in mapped), 'no cause that could carry upstream text');
  assertNoSentinel(`${mapped.message} ${JSON.stringify(mapped)} ${mapped.stack}`, 'mapped error');
});

test('errors that are not from the SDK pass through unchanged', () => {
  const bug = new TypeError('our own bug');
  assert.equal(toAiError(bug, sdk), bug);
  const already = new AiError('timeout');
  assert.equal(toAiError(already, sdk), already);
});
