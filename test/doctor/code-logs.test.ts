import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditRepo, fakeKey } from '../support/doctor-repo.ts';

/** The rule's findings as `file:line:column message`, in audit order. */
async function findings(files: Record<string, string>): Promise<string[]> {
  const result = await auditRepo({ files }, 'logs-secret');
  return result.findings.map((finding) => {
    assert.equal(finding.ruleId, 'logs-secret');
    assert.equal(finding.severity, 'high');
    return `${finding.file}:${finding.line}:${finding.column} ${finding.message}`;
  });
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('logs-secret', () => {
  test('JS/TS: the whole environment, a secret-named variable, an SDK client or its key', async () => {
    const result = await findings({
      'src/a.ts': lines(
        "import OpenAI from 'openai';",
        'console.log(process.env);',
        "console.log('key', process.env.OPENAI_API_KEY);",
        "logger.info({ env: { ...process.env } });",
        "console.error(`using ${process.env['ANTHROPIC_API_KEY']}`);",
        'const openai = new OpenAI({ timeout: 1000 });',
        'console.log(openai);',
        'this.logger.debug({ openai });',
        'req.log.warn(openai.apiKey);',
        'console.log(JSON.stringify(Deno.env.toObject()));',
        'console.log(Deno.env.get("HF_TOKEN"));',
        'console.table(Object.entries(process.env));',
        'class Ai { private readonly client = new OpenAI({ timeout: 1 }); run() { console.log(this.client); } }',
      ),
    });
    assert.deepEqual(result, [
      'src/a.ts:2:1 `console.log(…)` prints the whole environment (`process.env`), every key in it included',
      'src/a.ts:3:1 `console.log(…)` prints `process.env.OPENAI_API_KEY`',
      'src/a.ts:4:1 `logger.info(…)` prints the whole environment (`process.env`), every key in it included',
      'src/a.ts:5:1 `console.error(…)` prints `process.env.ANTHROPIC_API_KEY`',
      'src/a.ts:7:1 `console.log(…)` prints the AI client `openai`, which holds its API key as a field',
      'src/a.ts:8:1 `this.logger.debug(…)` prints the AI client `openai`, which holds its API key as a field',
      "src/a.ts:9:1 `req.log.warn(…)` prints `openai.apiKey`, the AI client's key",
      'src/a.ts:10:1 `console.log(…)` prints the whole environment (`Deno.env.toObject()`), every key in it included',
      'src/a.ts:11:1 `console.log(…)` prints `Deno.env.get("HF_TOKEN")`',
      'src/a.ts:12:1 `console.table(…)` prints the whole environment (`process.env`), every key in it included',
      'src/a.ts:13:74 `console.log(…)` prints the AI client `this.client`, which holds its API key as a field',
    ]);
  });

  test('Python: os.environ whole or by secret name, a client key, f-strings', async () => {
    const result = await findings({
      'app/main.py': lines(
        'import logging, os',
        'from openai import OpenAI',
        'logger = logging.getLogger(__name__)',
        'print(os.environ)',
        'logger.info("env %s", dict(os.environ))',
        'print(f"key={os.environ[\'OPENAI_API_KEY\']}")',
        'logging.warning(os.getenv("GROQ_API_KEY"))',
        'client = OpenAI(timeout=30)',
        'self.logger.error("key %s", client.api_key)',
        'print(vars(client))',
        'print(os.environ.get("ANTHROPIC_API_KEY", "none"))',
        'print(list(os.environ.items()))',
      ),
    });
    assert.deepEqual(result, [
      'app/main.py:4:1 `print(…)` prints the whole environment (`os.environ`), every key in it included',
      'app/main.py:5:1 `logger.info(…)` prints the whole environment (`os.environ`), every key in it included',
      'app/main.py:6:1 `print(…)` prints `os.environ["OPENAI_API_KEY"]`',
      'app/main.py:7:1 `logging.warning(…)` prints `os.getenv("GROQ_API_KEY")`',
      "app/main.py:9:1 `self.logger.error(…)` prints `client.api_key`, the AI client's key",
      'app/main.py:10:1 `print(…)` prints the AI client `client`, which holds its API key as a field',
      'app/main.py:11:1 `print(…)` prints `os.environ.get("ANTHROPIC_API_KEY")`',
      'app/main.py:12:1 `print(…)` prints the whole environment (`os.environ.items()`), every key in it included',
    ]);
  });

  test('a message never holds the value: a default that is a key is not shown', async () => {
    const key = fakeKey('openai-project', 7);
    const result = await findings({ 'app/main.py': `import os\nprint(os.getenv("OPENAI_API_KEY", "${key}"))\n` });
    assert.deepEqual(result, ['app/main.py:2:1 `print(…)` prints `os.getenv("OPENAI_API_KEY")`']);
    assert.ok(!result[0]!.includes(key.slice(-12)));
  });

  test('near-misses: public variables, names only, presence checks, redaction, other fields, comments, strings', async () => {
    const result = await findings({
      'src/a.ts': lines(
        "import OpenAI from 'openai';",
        'console.log(process.env.NODE_ENV);',
        'console.log(process.env.MAX_TOKENS, process.env.PORT);',
        'console.log(Object.keys(process.env));',
        "console.log('key set:', Boolean(process.env.OPENAI_API_KEY));",
        "console.log(process.env.OPENAI_API_KEY ? 'set' : 'missing');",
        'console.log(!!process.env.OPENAI_API_KEY, typeof process.env.OPENAI_API_KEY);',
        'console.log(process.env.OPENAI_API_KEY.length, process.env.OPENAI_API_KEY === undefined);',
        'console.log(process.env.OPENAI_API_KEY.slice(0, 7));',
        'console.log(process.env.OPENAI_API_KEY?.slice(0, 7), process.env.OPENAI_API_KEY?.length);',
        'logger.info(redact(process.env));',
        'logger.info(maskSecret(process.env.OPENAI_API_KEY));',
        'logger.info({ model });',
        'const client = new OpenAI({ timeout: 1000 });',
        'console.log(client.models, client.baseURL);',
        "logger.info({ client: 'web' });",
        '// console.log(process.env);',
        "const example = 'console.log(process.env.OPENAI_API_KEY)';",
        'const env = process.env;',
        'loadConfig(process.env);',
        'console.log(import.meta.env);',
        'console.log(process.env[name]);',
        'Math.log(process.env.TOKEN_COUNT);',
      ),
      'app/main.py': lines(
        'import os',
        'from openai import OpenAI',
        'print(os.environ.get("PORT"))',
        'print(sorted(os.environ))',
        'print(list(os.environ.keys()))',
        'print("OPENAI_API_KEY" in os.environ)',
        'print("set" if os.getenv("OPENAI_API_KEY") else "missing")',
        'print(os.getenv("OPENAI_API_KEY") is None)',
        'print(len(os.environ["OPENAI_API_KEY"]))',
        'client = OpenAI(timeout=30)',
        'print(client)',
        'print(client.base_url)',
        '# print(os.environ)',
        '"""',
        'Example: print(os.environ)',
        '"""',
        'blueprint(os.environ)',
      ),
    });
    assert.deepEqual(result, []);
  });
});
