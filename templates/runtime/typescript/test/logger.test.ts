import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger } from '../src/log/logger.ts';
import { memoryLogger } from './support/memory-log.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

test('writes one JSON object per line with level, time and message', () => {
  const { logger, lines } = memoryLogger('info');
  logger.info('hello', { requestId: 'abc', count: 2 });
  assert.equal(lines.length, 1);
  assert.ok(lines[0]?.endsWith('\n'));
  const entry = JSON.parse(lines[0] ?? '');
  assert.equal(entry.level, 'info');
  assert.equal(entry.msg, 'hello');
  assert.equal(entry.requestId, 'abc');
  assert.equal(typeof entry.time, 'string');
});

test('respects LOG_LEVEL, and silent writes nothing', () => {
  const warn = memoryLogger('warn');
  warn.logger.debug('d');
  warn.logger.info('i');
  warn.logger.warn('w');
  warn.logger.error('e');
  assert.deepEqual(warn.lines.map((line) => JSON.parse(line).msg), ['w', 'e']);
  const silent = memoryLogger('silent');
  silent.logger.error('e');
  assert.equal(silent.lines.length, 0);
});

test('redacts the sentinel in fields, messages and errors', () => {
  const { logger, text } = memoryLogger('debug');
  logger.info(`message with ${SENTINEL}`);
  logger.warn('fields', { headers: { Authorization: `Bearer ${SENTINEL}` }, config: { OPENAI_API_KEY: SENTINEL } });
  logger.error('error', { error: new Error(`Incorrect API key provided: ${SENTINEL}`) });
  logger.debug('nested', { a: [{ b: `x ${SENTINEL} y` }] });
  assertNoSentinel(text(), 'log output');
  assert.doesNotMatch(text(), /\n\s+at /, 'a stack trace was logged');
});

test('writes to stderr by default', () => {
  const logger = createLogger({ level: 'silent' });
  assert.doesNotThrow(() => logger.error('nothing'));
});
