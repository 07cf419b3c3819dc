import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isUnboundedRetries } from '../../src/doctor/rules/code/unbounded-retries.ts';
import { auditRepo } from '../support/doctor-repo.ts';

/** The rule's findings as `file:line:column message`, in audit order. */
async function findings(files: Record<string, string>, ruleId: string): Promise<string[]> {
  const result = await auditRepo({ files }, ruleId);
  return result.findings.map((finding) => {
    assert.equal(finding.ruleId, ruleId);
    return `${finding.file}:${finding.line}:${finding.column} ${finding.message}`;
  });
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('client-without-timeout', () => {
  test('JS/TS and Python clients constructed without a timeout', async () => {
    const result = await findings(
      {
        'src/openai.ts': lines("import OpenAI from 'openai';", 'export const openai = new OpenAI();', 'const azure = new AzureOpenAI({ apiKey: key, maxRetries: 2 });', "import { AzureOpenAI } from 'openai';"),
        'src/anthropic.mjs': lines("import Anthropic from '@anthropic-ai/sdk';", 'const client = new Anthropic({', "  apiKey: process.env['ANTHROPIC_API_KEY'],", "  baseURL: 'https://example.com/(v1)',", '});'),
        'src/groq.cjs': lines("const Groq = require('groq-sdk');", 'module.exports = new Groq({ apiKey });'),
        'app/ai.py': lines('import openai', 'from anthropic import AsyncAnthropic', '', 'client = openai.OpenAI(api_key=settings.key)', 'slow = AsyncAnthropic(timeout=None)'),
      },
      'client-without-timeout',
    );
    assert.deepEqual(result, [
      "app/ai.py:4:10 `OpenAI(…)` sets no `timeout`: a stalled request waits for the SDK's default of 10 minutes, per attempt",
      'app/ai.py:5:8 `AsyncAnthropic(…)` sets `timeout` to None: a stalled request is never abandoned',
      "src/anthropic.mjs:2:16 `new Anthropic(…)` sets no `timeout`: a stalled request waits for the SDK's default of 10 minutes, per attempt",
      "src/groq.cjs:2:18 `new Groq(…)` sets no `timeout`: a stalled request waits for the SDK's default of 10 minutes, per attempt",
      "src/openai.ts:2:23 `new OpenAI()` sets no `timeout`: a stalled request waits for the SDK's default of 10 minutes, per attempt",
      "src/openai.ts:3:15 `new AzureOpenAI(…)` sets no `timeout`: a stalled request waits for the SDK's default of 10 minutes, per attempt",
    ]);
  });

  test('near-misses: a timeout set, options that cannot be seen, no SDK import, comments, OpenAIStream, tests', async () => {
    const result = await findings(
      {
        'src/set.ts': lines(
          "import OpenAI from 'openai';",
          "import Anthropic from '@anthropic-ai/sdk';",
          'const a = new OpenAI({ timeout: 30_000 });',
          'const b = new OpenAI({ timeout: config.timeoutMs, maxRetries: 2 });',
          "const c = new Anthropic({ 'timeout': 20000 });",
          'const d = new OpenAI({ timeout });',
          'const e = new OpenAI(options);',
          'const f = new OpenAI({ apiKey, ...sdkLimits(config) });',
          '// const g = new OpenAI();',
          "const doc = 'new OpenAI()';",
          'const stream = new OpenAIStream(response);',
          'openai.chat.completions.create({ model, messages, max_tokens: 10 });',
        ),
        'src/own-class.ts': lines('class Anthropic { constructor() {} }', 'const mine = new Anthropic();'),
        'src/types-only.ts': lines("import type OpenAI from 'openai';", 'const x = new OpenAI();'),
        'app/set.py': lines(
          'import httpx',
          'from openai import OpenAI, AsyncOpenAI',
          'a = OpenAI(timeout=httpx.Timeout(30))',
          'b = AsyncOpenAI(**sdk_limits(settings))',
          '# c = OpenAI()',
          '"""',
          'Example: OpenAI()',
          '"""',
        ),
        'app/own.py': lines('class Anthropic(Base):', '    pass', 'x = Anthropic()'),
        'test/client.test.ts': lines("import OpenAI from 'openai';", "const client = new OpenAI({ baseURL: 'http://127.0.0.1:9' });"),
        'tests/test_client.py': lines('from openai import OpenAI', 'client = OpenAI()'),
      },
      'client-without-timeout',
    );
    assert.deepEqual(result, []);
  });
});

describe('unbounded-retries', () => {
  test('retries set to infinity or a large number, in constructors and with-options calls', async () => {
    const result = await findings(
      {
        'src/ai.ts': lines(
          "import OpenAI from 'openai';",
          'const a = new OpenAI({ timeout: 1000, maxRetries: Infinity });',
          'const b = new OpenAI({ timeout: 1000, maxRetries: Number.MAX_SAFE_INTEGER });',
          'const c = new OpenAI({ timeout: 1000, maxRetries: 1_000 });',
          'const d = a.withOptions({ maxRetries: 50 });',
        ),
        'app/ai.py': lines('from anthropic import Anthropic', "client = Anthropic(timeout=30, max_retries=float('inf'))", 'other = client.with_options(max_retries=100)'),
      },
      'unbounded-retries',
    );
    assert.deepEqual(result, [
      "app/ai.py:2:10 `Anthropic(…)` sets `max_retries` to float('inf')",
      'app/ai.py:3:16 `with_options(…)` sets `max_retries` to 100',
      'src/ai.ts:2:11 `new OpenAI(…)` sets `maxRetries` to Infinity',
      'src/ai.ts:3:11 `new OpenAI(…)` sets `maxRetries` to Number.MAX_SAFE_INTEGER',
      'src/ai.ts:4:11 `new OpenAI(…)` sets `maxRetries` to 1_000',
      'src/ai.ts:5:13 `withOptions(…)` sets `maxRetries` to 50',
    ]);
  });

  test('near-misses: the default, small numbers, variables, absent, other libraries', async () => {
    const result = await findings(
      {
        'src/ai.ts': lines(
          "import OpenAI from 'openai';",
          'const a = new OpenAI({ timeout: 1000, maxRetries: 2 });',
          'const b = new OpenAI({ timeout: 1000, maxRetries: 10 });',
          'const c = new OpenAI({ timeout: 1000, maxRetries: config.retries });',
          'const d = new OpenAI({ timeout: 1000 });',
          '// const e = new OpenAI({ maxRetries: Infinity });',
        ),
        'src/queue.ts': lines("import { Queue } from 'bullmq';", 'const q = queue.withOptions({ maxRetries: 100 });'),
        'app/ai.py': lines('from openai import OpenAI', 'client = OpenAI(timeout=30, max_retries=3)'),
      },
      'unbounded-retries',
    );
    assert.deepEqual(result, []);
  });

  test('which values are unbounded', () => {
    for (const value of ['Infinity', 'Number.POSITIVE_INFINITY', 'Number.MAX_VALUE', "float('inf')", 'float("infinity")', 'math.inf', 'sys.maxsize', '11', '1e6']) assert.equal(isUnboundedRetries(value), true, value);
    for (const value of ['0', '2', '10', 'retries', 'config.maxRetries', 'None', '-1']) assert.equal(isUnboundedRetries(value), false, value);
  });
});

describe('call-without-output-cap', () => {
  test('generation calls whose body names a model but no output cap', async () => {
    const result = await findings(
      {
        'src/route.ts': lines(
          "import { openai } from '@/lib/openai';",
          'const a = await openai.chat.completions.create({ model: "gpt-4o", messages });',
          'const b = await openai.responses.create({',
          "  model: 'gpt-4.1',",
          '  input,',
          '});',
          "const c = await anthropic.messages.stream({ model: 'claude-sonnet-4-5', messages });",
          'const d = await openai.beta.chat.completions.parse({ model, messages, response_format });',
        ),
        'src/vercel.ts': lines("import { generateText, streamText } from 'ai';", "const { text } = await generateText({ model: openai('gpt-4o'), prompt });"),
        'app/ai.py': lines('response = client.responses.create(', '    model=settings.model,', '    input=text,', ')', 'legacy = client.completions.create(model="x", prompt="y")'),
      },
      'call-without-output-cap',
    );
    assert.deepEqual(result, [
      'app/ai.py:1:19 `.responses.create(…)` sets no output cap (`max_output_tokens`)',
      'app/ai.py:5:17 `.completions.create(…)` sets no output cap (`max_tokens`)',
      'src/route.ts:2:24 `.chat.completions.create(…)` sets no output cap (`max_completion_tokens`)',
      'src/route.ts:3:24 `.responses.create(…)` sets no output cap (`max_output_tokens`)',
      'src/route.ts:7:27 `.messages.stream(…)` sets no output cap (`max_tokens`)',
      'src/route.ts:8:29 `.chat.completions.parse(…)` sets no output cap (`max_completion_tokens`)',
      'src/vercel.ts:2:24 `generateText(…)` sets no output cap (`maxOutputTokens`)',
    ]);
    for (const finding of (await auditRepo({ files: { 'a.ts': 'x.messages.create({ model })' } }, 'call-without-output-cap')).findings) assert.equal(finding.severity, 'low');
  });

  test('near-misses: a cap set, a body that cannot be seen, no model, other endpoints, comments, tests', async () => {
    const result = await findings(
      {
        'src/route.ts': lines(
          'await openai.chat.completions.create({ model, messages, max_completion_tokens: 500 });',
          'await openai.chat.completions.create({ model, messages, max_tokens: limits.output });',
          'await openai.responses.create({ model, input, max_output_tokens: 256 });',
          'await anthropic.messages.create({ model, messages, max_tokens: 1024 });',
          'await openai.chat.completions.create(params);',
          'await openai.chat.completions.create({ ...params, model });',
          'await openai.embeddings.create({ model, input });',
          'await openai.moderations.create({ model, input });',
          'await openai.files.create({ file, purpose });',
          'await openai.models.list();',
          'await openai.beta.threads.messages.create(threadId, { role: "user", content });',
          'await prisma.messages.create({ data: { text } });',
          '// await openai.chat.completions.create({ model, messages });',
          'const doc = "openai.chat.completions.create({ model, messages })";',
          'await generateText({ model, prompt });',
        ),
        'src/vercel.ts': lines("import { generateText } from 'ai';", 'await generateText({ model, prompt, maxOutputTokens: 200 });', 'await generateText({ model, prompt, maxTokens: 200 });'),
        'app/ai.py': lines('client.chat.completions.create(model=m, messages=msgs, max_tokens=100)', 'client.chat.completions.create(**params)', 'client.embeddings.create(model=m, input=text)'),
        'test/route.test.ts': lines('await openai.chat.completions.create({ model, messages });'),
      },
      'call-without-output-cap',
    );
    assert.deepEqual(result, []);
  });
});
