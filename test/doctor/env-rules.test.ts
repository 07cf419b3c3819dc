import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { audit } from '../../src/doctor/audit.ts';
import { envAssignments } from '../../src/doctor/rules/env/env-files.ts';
import { RULES } from '../../src/doctor/rules/index.ts';
import { maskKey } from '../../src/doctor/secrets/key-shapes.ts';
import type { Finding } from '../../src/doctor/types.ts';
import { auditRepo, fakeKey, gitIn, makeRepo, type RepoSpec } from '../support/doctor-repo.ts';
import { tempDir } from '../support/temp-dir.ts';

const ruleNamed = (id: string) => RULES.find((rule) => rule.id === id)!;

/** The rule's findings for `spec`, without the id and severity every one of them shares. */
async function findings(spec: RepoSpec, ruleId: string): Promise<Array<Omit<Finding, 'ruleId' | 'severity'>>> {
  const result = await auditRepo(spec, ruleId);
  const rule = ruleNamed(ruleId);
  for (const finding of result.findings) assert.deepEqual([finding.ruleId, finding.severity], [rule.id, rule.severity]);
  return result.findings.map(({ ruleId: _id, severity: _severity, ...rest }) => rest);
}

/** Audits a subfolder of a repository made from `spec`, as `doctor app/` would. */
async function findingsIn(spec: RepoSpec, folder: string, ruleId: string) {
  const root = await makeRepo(spec);
  return (await audit(path.join(root, folder), [ruleNamed(ruleId)])).findings.map(({ file, line, message }) => ({ file, line, message }));
}


const openaiKey = fakeKey('openai-project', 7);
const openaiMasked = maskKey(openaiKey, 'sk-proj-');
/** A random 40-character token: what a real secret looks like, with no provider prefix. */
const randomSecret = fakeKey('openai-project', 3).slice(8, 48);
const PLACEHOLDER_SK = ['sk', '...'].join('-');

describe('the dotenv line reader', () => {
  test('names, values, quotes, export and trailing comments', () => {
    const text = 'A=1\nexport B="two # not a comment"\r\nC=three # a comment\n# D=4\nE:  five\nF=\'\'\n  G = spaced\nH=#notcomment\n';
    assert.deepEqual(
      envAssignments(text).map(({ name, value }) => [name, value]),
      [
        ['A', '1'],
        ['B', 'two # not a comment'],
        ['C', 'three'],
        ['E', 'five'],
        ['F', ''],
        ['G', 'spaced'],
        ['H', '#notcomment'],
      ],
    );
    const [, b] = envAssignments(text);
    assert.equal(text.slice(b!.valueStart, b!.valueEnd), 'two # not a comment');
  });
});

describe('env-file-tracked', () => {
  const ID = 'env-file-tracked';

  test('a committed .env is reported whole, naming what it sets but no value', async () => {
    const result = await findings({ git: true, files: { '.env': `# local\nOPENAI_API_KEY=${openaiKey}\nPORT=3000\nLOG_LEVEL=\n`, 'package.json': '{}' } }, ID);
    assert.deepEqual(result, [{ file: '.env', message: '`.env` is tracked by git and sets OPENAI_API_KEY, PORT' }]);
    assert.ok(!result[0]!.message.includes(openaiKey.slice(8, 20)));
  });

  test('.env.local, .env.production and .env.keys in any folder, each reported', async () => {
    const many = Array.from({ length: 7 }, (_, index) => `VAR_${index}=x`).join('\n');
    const result = await findings({ git: true, files: { 'apps/web/.env.local': 'A=1\n', '.env.production': many, '.env.keys': 'DOTENV_PRIVATE_KEY=abc\n', '.env': '' } }, ID);
    assert.deepEqual(result, [
      { file: '.env', message: '`.env` is tracked by git and sets no value yet, but the next one written to it will be committed' },
      { file: '.env.keys', message: '`.env.keys` is tracked by git and sets DOTENV_PRIVATE_KEY' },
      { file: '.env.production', message: '`.env.production` is tracked by git and sets VAR_0, VAR_1, VAR_2, VAR_3, VAR_4 and 2 more' },
      { file: 'apps/web/.env.local', message: '`apps/web/.env.local` is tracked by git and sets A' },
    ]);
  });

  test('near-misses: templates, look-alike names, encrypted env files, an ignored local .env, no git', async () => {
    const dotenvxEncrypted = 'DOTENV_PUBLIC_KEY="03a1b2c3"\nOPENAI_API_KEY="encrypted:BKx9"\nEMPTY=\n';
    const committed = {
      '.env.example': 'OPENAI_API_KEY=\n',
      '.env.local.example': 'A=\n',
      '.env.sample': 'A=\n',
      '.env.template': 'A=\n',
      '.env.dist': 'A=\n',
      'config/env.ts': 'export const env = process.env;\n',
      // direnv's script: committed on purpose (`use nix`, `dotenv`); keys in it are hardcoded-key's.
      '.envrc': 'dotenv\nuse nix\n',
      '.environment': 'A=1\n',
      'env': 'A=1\n',
      // dotenv-vault and dotenvx encrypt these so that they can be committed.
      '.env.vault': 'DOTENV_VAULT_PRODUCTION="aGVsbG8="\n',
      'deploy/.env': dotenvxEncrypted,
      '.gitignore': '.env\n.env.*\n!.env.example\n',
    };
    assert.deepEqual(await findings({ git: true, files: committed, untracked: { '.env': `OPENAI_API_KEY=${openaiKey}\n` } }, ID), []);
    assert.deepEqual(await findings({ files: { '.env': `OPENAI_API_KEY=${openaiKey}\n` } }, ID), [], 'outside git nothing is tracked');
  });

  test('a test fixture .env is committed on purpose: only its real-looking values count, line by line', async () => {
    const fixture = `FOO=bar\nOPENAI_API_KEY=${PLACEHOLDER_SK}\nJWT_SECRET=${randomSecret}\n`;
    assert.deepEqual(await findings({ git: true, files: { 'test/fixtures/.env': 'FOO=bar\nOPENAI_API_KEY=\n' } }, ID), []);
    assert.deepEqual(await findings({ git: true, files: { 'test/fixtures/.env': fixture } }, ID), [
      { file: 'test/fixtures/.env', line: 3, column: 12, message: `test fixture tracked by git: \`JWT_SECRET\` holds a value that looks like a real secret ${maskKey(randomSecret)}` },
    ]);
    const marked = await auditRepo({ git: true, files: { 'test/fixtures/.env': `# doctor-ignore: env-file-tracked\nJWT_SECRET=${randomSecret}\n` } }, ID);
    assert.deepEqual([marked.findings, marked.waived], [[], 1]);
  });
});

describe('env-file-in-history', () => {
  const ID = 'env-file-in-history';

  test('an env file that a past commit added and a later one removed', async () => {
    const result = await findings(
      {
        git: true,
        files: { '.gitignore': '.env\n.env.*\n!.env.example\n' },
        removedFromHistory: { '.env': `OPENAI_API_KEY=${openaiKey}\n`, 'api/.env.production': 'A=1\n', '.env.example': 'A=\n', 'test/fixtures/.env': 'A=1\n', '.envrc': 'dotenv\n' },
        // The developer still has it on disk, ignored now: history is what leaks.
        untracked: { '.env': `OPENAI_API_KEY=${openaiKey}\n` },
      },
      ID,
    );
    assert.deepEqual(result, [
      { file: '.env', message: '`.env` was committed in the past and later untracked: git history still holds its contents' },
      { file: 'api/.env.production', message: '`api/.env.production` was committed in the past and later untracked: git history still holds its contents' },
    ]);
  });

  test('a commit on another branch counts: every ref is pushed or cloned somewhere', async () => {
    const root = await makeRepo({ git: true, files: { 'README.md': '# app\n' } });
    gitIn(root, 'checkout', '-q', '-b', 'experiment');
    await writeFile(path.join(root, '.env.local'), 'A=1\n');
    gitIn(root, 'add', '-f', '.env.local');
    gitIn(root, 'commit', '-q', '-m', 'oops');
    gitIn(root, 'checkout', '-q', 'main');
    const result = await audit(root, [ruleNamed(ID)]);
    assert.deepEqual(
      result.findings.map((finding) => finding.file),
      ['.env.local'],
    );
  });

  test('from a subfolder: paths relative to it, and nothing from its siblings or the top', async () => {
    const spec = { git: true, files: { 'app/package.json': '{}' }, removedFromHistory: { 'app/.env': 'A=1\n', 'app/src/.env.local': 'A=1\n', 'other/.env': 'A=1\n', '.env': 'A=1\n' } };
    assert.deepEqual(await findingsIn(spec, 'app', ID), [
      { file: '.env', line: undefined, message: '`.env` was committed in the past and later untracked: git history still holds its contents' },
      { file: 'src/.env.local', line: undefined, message: '`src/.env.local` was committed in the past and later untracked: git history still holds its contents' },
    ]);
  });

  test('near-misses: a still-tracked .env (env-file-tracked reports it), no git, a clean history', async () => {
    assert.deepEqual(await findings({ git: true, files: { '.env': 'A=1\n' } }, ID), []);
    assert.deepEqual(await findings({ files: { '.env': 'A=1\n' } }, ID), []);
    assert.deepEqual(await findings({ git: true, files: { '.gitignore': '.env\n' }, untracked: { '.env': 'A=1\n' } }, ID), []);
  });
});

describe('gitignore-env', () => {
  const ID = 'gitignore-env';
  const good = '.env\n.env.*\n!.env.example\n';

  test('no .gitignore at all', async () => {
    assert.deepEqual(await findings({ git: true, files: { 'package.json': '{}' } }, ID), [
      { file: '.gitignore', message: '`.env`, `.env.local`, `.env.production` would not be ignored (there is no .gitignore here): add `.env` and `.env.*`' },
    ]);
  });

  test('only .env ignored: the framework variants and a real untracked one are not', async () => {
    const result = await findings({ git: true, files: { '.gitignore': 'node_modules\n.env\n', 'package.json': '{}' }, untracked: { '.env.staging': 'A=1\n' } }, ID);
    assert.deepEqual(result, [{ file: '.gitignore', message: '`.env.local`, `.env.production`, `.env.staging` would not be ignored: add `.env` and `.env.*`' }]);
  });

  test('anchored patterns leave a sub-project unprotected', async () => {
    const result = await findings({ git: true, files: { '.gitignore': '/.env\n/.env.*\n', 'api/pyproject.toml': '', 'web/deno.json': '{}' } }, ID);
    assert.deepEqual(result, [
      {
        file: '.gitignore',
        message: '`api/.env`, `api/.env.local`, `api/.env.production`, `web/.env`, `web/.env.local` and 1 more would not be ignored: add `.env` and `.env.*`',
      },
    ]);
  });

  test('a nested .gitignore that re-includes .env is the one to fix', async () => {
    const result = await findings({ git: true, files: { '.gitignore': good, 'api/.gitignore': '!.env\n', 'api/package.json': '{}' } }, ID);
    assert.deepEqual(result, [{ file: 'api/.gitignore', message: '`api/.env` would not be ignored: add `.env` and `.env.*`' }]);
  });

  test('.env* without !.env.example hides the template: reported on that line', async () => {
    const result = await findings({ git: true, files: { '.gitignore': 'node_modules\n\n.env*\n', '.env.example': 'OPENAI_API_KEY=\n', 'api/package.json': '{}', 'api/.env.sample': 'A=\n' } }, ID);
    assert.deepEqual(result, [
      { file: '.gitignore', line: 3, message: '`.env*` also ignores `.env.example`, `api/.env.sample`, which should be committed: add `!.env.example` and `!.env.sample` after it' },
    ]);
  });

  test('a template ignored by a later, more specific line: that line is named', async () => {
    const result = await findings({ git: true, files: { '.gitignore': '.env\n.env.*\n!.env.example\n*.example\n', '.env.example': 'A=\n' } }, ID);
    assert.deepEqual(result, [{ file: '.gitignore', line: 4, message: '`*.example` also ignores `.env.example`, which should be committed: add `!.env.example` after it' }]);
  });

  test('outside git the .gitignore files are read directly, with the same answers', async () => {
    assert.deepEqual(await findings({ files: { '.gitignore': '.env\n', 'main.py': '' } }, ID), [
      { file: '.gitignore', message: '`.env.local`, `.env.production` would not be ignored: add `.env` and `.env.*`' },
    ]);
    // The walk leaves the ignored template out of `files`; the rule still finds it on disk.
    assert.deepEqual(await findings({ files: { '.gitignore': '.env*\n', '.env.example': 'A=\n' } }, ID), [
      { file: '.gitignore', line: 1, message: '`.env*` also ignores `.env.example`, which should be committed: add `!.env.example` after it' },
    ]);
  });

  test('from a subfolder: the .gitignore above it counts, and is named when it hides the template', async () => {
    const protectedApp = { git: true, files: { '.gitignore': good, 'app/package.json': '{}', 'app/.env.example': 'A=\n' } };
    assert.deepEqual(await findingsIn(protectedApp, 'app', ID), []);
    const hiddenTemplate = { git: true, files: { '.gitignore': '.env*\n', 'app/package.json': '{}', 'app/.env.example': 'A=\n' } };
    assert.deepEqual(await findingsIn(hiddenTemplate, 'app', ID), [
      {
        file: '.gitignore',
        line: undefined,
        message: "`.env.example` would be ignored by a pattern outside the audited folder's .gitignore files, so git will not commit the template: add `!.env.example` to .gitignore",
      },
    ]);
  });

  test('near-misses: the usual safe forms, and .env* when no template exists', async () => {
    const safe = [good, '.env*\n!.env.example\n', '*.env\n.env\n.env.*\n!.env.example\n', '.env.*\n!.env.example\n.env\n', '# secrets\n**/.env\n**/.env.*\n!**/.env.example\n'];
    for (const gitignore of safe) {
      const files = { '.gitignore': gitignore, '.env.example': 'A=\n', 'api/package.json': '{}', 'api/.env.example': 'A=\n' };
      assert.deepEqual(await findings({ git: true, files }, ID), [], gitignore);
      assert.deepEqual(await findings({ files }, ID), [], `outside git: ${gitignore}`);
    }
    assert.deepEqual(await findings({ git: true, files: { '.gitignore': '.env*\n' } }, ID), [], 'no template to hide');
    const marked = await auditRepo({ git: true, files: { '.gitignore': '# doctor-ignore: gitignore-env (templates are generated in CI)\n.env*\n', '.env.example': 'A=\n' } }, ID);
    assert.deepEqual([marked.findings, marked.waived], [[], 1]);
  });

  test(
    "a user's global excludes file protects no other clone",
    async () => {
      const home = await tempDir('csaa-home-');
      await mkdir(path.join(home, '.config', 'git'), { recursive: true });
      await writeFile(path.join(home, '.config', 'git', 'ignore'), '.env\n.env.*\n');
      const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
      process.env.HOME = home;
      delete process.env.XDG_CONFIG_HOME;
      try {
        assert.deepEqual(await findings({ git: true, files: { '.gitignore': 'node_modules\n' } }, ID), [
          { file: '.gitignore', message: '`.env`, `.env.local`, `.env.production` would not be ignored: add `.env` and `.env.*`' },
        ]);
      } finally {
        for (const [name, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
    },
  );
});

describe('env-example-real-value', () => {
  const ID = 'env-example-real-value';

  test('a provider key pasted into .env.example, named by variable and masked', async () => {
    const text = `# Copy to .env\n\nOPENAI_API_KEY=${openaiKey}\nMODEL=gpt-4o-mini\n`;
    const result = await findings({ git: true, files: { '.env.example': text } }, ID);
    assert.deepEqual(result, [{ file: '.env.example', line: 3, column: 16, message: `\`OPENAI_API_KEY\` holds a real-looking OpenAI key ${openaiMasked}` }]);
    assert.ok(!result[0]!.message.includes(openaiKey.slice(8, 30)), 'the key never appears unmasked');
  });

  test('every template name, quotes, export, a commented line and a random secret', async () => {
    const anthropic = fakeKey('anthropic', 2);
    const groq = fakeKey('groq', 4);
    const result = await findings(
      {
        git: true,
        files: {
          '.env.sample': `ANTHROPIC_API_KEY="${anthropic}"\n`,
          'api/.env.local.example': `export GROQ_API_KEY=${groq} # mine\n`,
          'config/.env.template': `# OPENAI_API_KEY=${openaiKey}\nSESSION_SECRET='${randomSecret}'\n`,
        },
      },
      ID,
    );
    assert.deepEqual(result, [
      { file: '.env.sample', line: 1, column: 20, message: `\`ANTHROPIC_API_KEY\` holds a real-looking Anthropic key ${maskKey(anthropic, 'sk-ant-api03-')}` },
      { file: 'api/.env.local.example', line: 1, column: 21, message: `\`GROQ_API_KEY\` holds a real-looking Groq key ${maskKey(groq, 'gsk_')}` },
      { file: 'config/.env.template', line: 1, column: 18, message: `a comment holds a real-looking OpenAI key ${openaiMasked}` },
      { file: 'config/.env.template', line: 2, column: 17, message: `\`SESSION_SECRET\` holds a value that looks like a real secret ${maskKey(randomSecret)}` },
    ]);
  });

  test('near-misses: placeholders, empty values, settings, references and public-by-design names', async () => {
    const template = [
      '# Copy to .env and fill in. Get a key at https://platform.openai.com/api-keys',
      'OPENAI_API_KEY=',
      'ANTHROPIC_API_KEY=""',
      `# OPENAI_API_KEY=${PLACEHOLDER_SK}`,
      `GROQ_API_KEY=${PLACEHOLDER_SK}`,
      'GEMINI_API_KEY=your-key-here',
      'MISTRAL_API_KEY=<your key>',
      'JWT_SECRET=changeme',
      `HF_TOKEN=hf_${'x'.repeat(34)}`,
      'OPENAI_BASE_URL=https://api.openai.com/v1',
      'MODEL=gpt-4o-mini',
      'MAX_TOKENS=1024',
      'ORG_ID=3f2c9a7e-5b1d-4e8a-9c6f-2d7b1e0a4c58',
      // A 1Password reference: the template says where the secret is, not what it is.
      'XAI_API_KEY=op://Private/xAI/credential',
      `NEXT_PUBLIC_SUPABASE_ANON_KEY=${randomSecret}`,
      `STRIPE_PUBLISHABLE_KEY=${randomSecret}`,
      'DB_PASSWORD=${DB_PASSWORD}',
      'API_TOKEN=paste the token from the dashboard here',
    ].join('\n');
    assert.deepEqual(await findings({ git: true, files: { '.env.example': template } }, ID), []);
    // Not a template: a tracked .env is env-file-tracked's, an ignored one is the developer's own.
    assert.deepEqual(await findings({ git: true, files: { '.gitignore': '.env\n' }, untracked: { '.env': `OPENAI_API_KEY=${openaiKey}\n` } }, ID), []);
  });

  test('outside git too, and a marked fake key in a test fixture template is waived', async () => {
    assert.deepEqual(await findings({ files: { '.env.example': `JWT_SECRET=${randomSecret}\n` } }, ID), [
      { file: '.env.example', line: 1, column: 12, message: `\`JWT_SECRET\` holds a value that looks like a real secret ${maskKey(randomSecret)}` },
    ]);
    const marked = await auditRepo({ git: true, files: { 'test/fixtures/.env.example': `# doctor-ignore: env-example-real-value\nOPENAI_API_KEY=${openaiKey}\n` } }, ID);
    assert.deepEqual([marked.findings, marked.waived], [[], 1]);
    const outsideTests = await auditRepo({ git: true, files: { '.env.example': `# doctor-ignore: env-example-real-value\nOPENAI_API_KEY=${openaiKey}\n` } }, ID);
    assert.equal(outsideTests.findings.length, 1, 'a marker outside test files waives nothing');
  });
});
