import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditRepo, fakeKey } from '../support/doctor-repo.ts';

const RULE = 'hardcoded-key';
const at = (audit: Awaited<ReturnType<typeof auditRepo>>) => audit.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`);

describe('hardcoded-key', () => {
  test('finds each provider key shape, masked, at its line and column', async () => {
    const keys = {
      openaiProject: fakeKey('openai-project', 1),
      openaiLegacy: fakeKey('openai-legacy', 2),
      anthropic: fakeKey('anthropic', 3),
      google: fakeKey('google', 4),
      groq: fakeKey('groq', 5),
      huggingface: fakeKey('huggingface', 6),
      generic: fakeKey('sk-generic', 7),
    };
    const audit = await auditRepo(
      {
        git: true,
        files: {
          'src/ai.ts': `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: '${keys.openaiProject}' });\n`,
          'src/legacy.js': `module.exports = { key: "${keys.openaiLegacy}" };\n`,
          'app/claude.py': `client = Anthropic(api_key="${keys.anthropic}")\n`,
          'config/settings.json': `{\n  "gemini": "${keys.google}",\n  "groq": "${keys.groq}"\n}\n`,
          'notebooks/hf.md': `Token: ${keys.huggingface} and ${keys.generic}\n`,
        },
      },
      RULE,
    );
    assert.deepEqual(at(audit), [
      `app/claude.py:1:29 Anthropic key sk-ant-api03-…${keys.anthropic.slice(-4)} (${keys.anthropic.length} chars)`,
      `config/settings.json:2:14 Google AI key AIza…${keys.google.slice(-4)} (39 chars)`,
      `config/settings.json:3:12 Groq key gsk_…${keys.groq.slice(-4)} (56 chars)`,
      `notebooks/hf.md:1:8 Hugging Face key hf_…${keys.huggingface.slice(-4)} (37 chars)`,
      `notebooks/hf.md:1:50 an sk- style key sk-…${keys.generic.slice(-4)} (51 chars)`,
      `src/ai.ts:2:38 OpenAI key sk-proj-…${keys.openaiProject.slice(-4)} (164 chars)`,
      `src/legacy.js:1:26 OpenAI key sk-…${keys.openaiLegacy.slice(-4)} (51 chars)`,
    ]);
    for (const finding of audit.findings) {
      assert.equal(finding.severity, 'high');
      for (const key of Object.values(keys)) assert.ok(!finding.message.includes(key.slice(8, -4)), 'the key is never shown whole');
    }
  });

  test('placeholders, docs and look-alikes are not keys', async () => {
    const audit = await auditRepo(
      {
        git: true,
        files: {
          'README.md': [
            'Set OPENAI_API_KEY=sk-... in .env',
            'Keys look like `sk-proj-...` or sk-ant-api03-...',
            'ANTHROPIC_API_KEY=sk-ant-your-key-here-0123456789abcdefghijklmn',
            'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
            'OPENAI_API_KEY=sk-REPLACE_WITH_YOUR_KEY_0123456789abcdef',
            'GEMINI=AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
            'id: disk-0123456789abcdefABCDEF0123456789',
            'task-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z',
            'sk-short1A',
            'sk-abcdefghijklmnopqrstuvwxyzabcdefghij',
            'OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ',
            'sk-9876543210ZYXWVUTSRQPONMLKJIHGFEDCBAzyxw',
          ].join('\n'),
          'src/request-id.ts': "export const example = 'req_0123456789abcdef0123456789abcdef';\nconst uuid = '123e4567-e89b-12d3-a456-426614174000';\n",
        },
      },
      RULE,
    );
    assert.deepEqual(at(audit), []);
  });

  test('env files, env templates and lockfiles are left to their own rules', async () => {
    const key = fakeKey('openai-project', 9);
    const audit = await auditRepo(
      {
        git: true,
        files: {
          '.gitignore': '.env\n',
          '.env.example': `OPENAI_API_KEY=${key}\n`,
          '.env.production': `OPENAI_API_KEY=${key}\n`,
          'package-lock.json': `{"packages": {"": {"name": "x"}}, "note": "${key}"}\n`,
        },
        untracked: { '.env': `OPENAI_API_KEY=${key}\n`, 'ignored/.env.local': `OPENAI_API_KEY=${key}\n` },
      },
      RULE,
    );
    assert.deepEqual(at(audit), []);
  });

  test('an untracked file that git would commit is scanned; an ignored one is not', async () => {
    const key = fakeKey('anthropic', 10);
    const audit = await auditRepo({ git: true, files: { '.gitignore': 'secrets/\n' }, untracked: { 'new.ts': `const k = '${key}';\n`, 'secrets/k.ts': `const k = '${key}';\n` } }, RULE);
    assert.deepEqual(audit.findings.map((finding) => finding.file), ['new.ts']);
  });

  test('outside git every file is scanned except dependency folders and .gitignore matches', async () => {
    const key = fakeKey('groq', 11);
    const line = `const k = '${key}';\n`;
    const audit = await auditRepo({ files: { '.gitignore': 'out/\n*.log\n', 'src/a.ts': line, 'node_modules/x/index.js': line, 'out/a.js': line, 'debug.log': line, '.venv/lib/a.py': line } }, RULE);
    assert.equal(audit.scope, 'folder');
    assert.deepEqual(audit.findings.map((finding) => finding.file), ['src/a.ts']);
  });

  test('a marked fake key is waived in test files only', async () => {
    const key = fakeKey('openai-project', 12);
    const audit = await auditRepo(
      {
        git: true,
        files: {
          'test/client.test.ts': `// doctor-ignore: hardcoded-key\nconst FAKE = '${key}';\n`,
          'src/fixtures.spec.ts': `const FAKE = '${key}'; // doctor-ignore: hardcoded-key\n`,
          'tests/test_client.py': `FAKE = "${key}"\n`,
          'src/client.ts': `const key = '${key}'; // doctor-ignore: hardcoded-key\n`,
          'test/other.test.ts': `const FAKE = '${key}'; // doctor-ignore: env-file-tracked\n`,
        },
      },
      RULE,
    );
    assert.deepEqual(audit.findings.map((finding) => `${finding.file}:${finding.line}`), ['src/client.ts:1', 'test/other.test.ts:1', 'tests/test_client.py:1']);
    assert.equal(audit.waived, 2);
  });

  test('binary files, symbolic links and huge files are not read', async () => {
    const key = fakeKey('google', 13);
    const { symlink, writeFile } = await import('node:fs/promises');
    const { makeRepo } = await import('../support/doctor-repo.ts');
    const { audit } = await import('../../src/doctor/audit.ts');
    const { RULES } = await import('../../src/doctor/rules/index.ts');
    const outside = await makeRepo({ files: { 'secret.txt': `${key}\n` } });
    const root = await makeRepo({ files: { 'image.png': `\u0000PNG ${key}\n`, 'big.txt': `${'a'.repeat(1024 * 1024)}\n${key}\n` } });
    await symlink(`${outside}/secret.txt`, `${root}/link.txt`);
    await writeFile(`${root}/small.txt`, `${key}\n`);
    const result = await audit(root, RULES.filter((rule) => rule.id === RULE));
    assert.deepEqual(result.findings.map((finding) => finding.file), ['small.txt']);
  });
});
