import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AiError, type AiErrorKind } from '../src/ai/errors.ts';
import { errorResponse, errorResponseFor } from '../src/http/error-response.ts';

const ID = 'request-id';

test('each AI error kind maps to its status with a fixed body shape', () => {
  const expected: Record<AiErrorKind, number> = {
    invalid_input: 400,
    auth: 502,
    rate_limited: 429,
    timeout: 504,
    unavailable: 503,
    upstream: 502,
  };
  for (const [kind, status] of Object.entries(expected)) {
    const response = errorResponseFor(new AiError(kind as AiErrorKind), ID);
    assert.equal(response.status, status, kind);
    assert.deepEqual(Object.keys(response.body).sort(), ['error', 'requestId']);
    assert.deepEqual(Object.keys(response.body.error).sort(), ['code', 'message']);
    assert.equal(response.body.requestId, ID);
  }
});

test('too-long input is 413; anything unknown is a 500 that says nothing', () => {
  assert.equal(errorResponseFor(new AiError('invalid_input', { inputProblem: 'too_long' }), ID).status, 413);
  const internal = errorResponseFor(new Error('secret internals'), ID);
  assert.equal(internal.status, 500);
  assert.doesNotMatch(JSON.stringify(internal), /secret internals/);
});

test('429 always carries Retry-After, from the provider when it said', () => {
  const fromProvider = errorResponseFor(new AiError('rate_limited', { retryAfterSeconds: 9 }), ID);
  assert.equal(fromProvider.headers['Retry-After'], '9');
  assert.match(errorResponse('rate_limited', ID).headers['Retry-After'] ?? '', /^\d+$/);
});

test('auth failures look like any upstream failure to the client', () => {
  const auth = errorResponseFor(new AiError('auth'), ID).body.error;
  const upstream = errorResponseFor(new AiError('upstream'), ID).body.error;
  assert.deepEqual(auth, upstream);
  assert.doesNotMatch(auth.message, /key|credential/i);
});
