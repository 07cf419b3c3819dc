import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { relocateImports } from '../../src/plan/add/relocate.ts';
import { mergeEnvExample } from '../../src/plan/merge/env-example.ts';
import { mergeGitignore, missingPatterns } from '../../src/plan/merge/gitignore.ts';
import { jsonLayout } from '../../src/plan/merge/json-members.ts';
import { mergePackageJson } from '../../src/plan/merge/package-json.ts';
import { unifiedDiff } from '../../src/util/unified-diff.ts';
import { keysWithValues } from '../../src/workspace/env-file.ts';
import type { EnvVariable } from '../../src/layers/define-layer.ts';

const wanted = { dependencies: { zod: '4.6.7', openai: '7.59.0' }, devDependencies: { typescript: '7.0.2' }, scripts: { 'test:ai': 'node --test' } };
const secrets = [{ title: 'Secrets', patterns: ['.env', '.env.*', '!.env.example'], secrets: true }];
const variable = (name: string): EnvVariable => ({ name, description: `About ${name}.`, group: 'ai', required: false, secret: false });

describe('package.json merge', () => {
  test('adds what is missing, keeps versions, scripts, tabs, CRLF and the missing final newline', () => {
    const text = '{\r\n\t"name": "x",\r\n\t"scripts": {\r\n\t\t"test": "mocha"\r\n\t},\r\n\t"dependencies": {\r\n\t\t"openai": "^4.0.0"\r\n\t}\r\n}';
    const { content, added } = mergePackageJson(text, wanted);
    assert.deepEqual(added, { dependencies: { zod: '4.6.7' }, devDependencies: { typescript: '7.0.2' }, scripts: { 'test:ai': 'node --test' } });
    const manifest = JSON.parse(content);
    assert.equal(manifest.dependencies.openai, '^4.0.0');
    assert.equal(manifest.scripts.test, 'mocha');
    assert.ok(content.includes('\r\n\t"devDependencies": {\r\n\t\t"typescript": "7.0.2"\r\n\t}\r\n}'), content);
    assert.doesNotMatch(content.replaceAll('\r\n', ''), /\n/);
    assert.ok(content.endsWith('}'));
    assert.deepEqual(Object.keys(manifest), ['name', 'scripts', 'dependencies', 'devDependencies']);
  });

  test('a dependency already among devDependencies (or the reverse) is left where it is', () => {
    const { added } = mergePackageJson('{"devDependencies": {"zod": "^4.0.0"}, "dependencies": {"typescript": "5"}}', wanted);
    assert.deepEqual(added.dependencies, { openai: '7.59.0' });
    assert.deepEqual(added.devDependencies, {});
  });

  test('sorted objects stay sorted, unsorted ones get new keys last, one-line objects stay on one line', () => {
    const sorted = JSON.parse(mergePackageJson('{\n  "dependencies": {\n    "a": "1",\n    "z": "1"\n  }\n}\n', wanted).content);
    assert.deepEqual(Object.keys(sorted.dependencies), ['a', 'openai', 'z', 'zod']);
    const unsorted = JSON.parse(mergePackageJson('{\n  "dependencies": {\n    "z": "1",\n    "a": "1"\n  }\n}\n', wanted).content);
    assert.deepEqual(Object.keys(unsorted.dependencies), ['z', 'a', 'openai', 'zod']);
    const oneLine = mergePackageJson('{\n  "scripts": { "test": "x" }\n}\n', wanted).content;
    assert.match(oneLine, /^ {2}"scripts": \{ "test": "x", "test:ai": "node --test" \},?$/m);
  });

  test('an empty object and strings holding braces and quotes are handled', () => {
    const text = '{\n  "description": "a } tricky \\" {string",\n  "x": [1, {"y": "}"}]\n}\n';
    const { content } = mergePackageJson(text, wanted);
    assert.ok(content.startsWith('{\n  "description": "a } tricky \\" {string",\n  "x": [1, {"y": "}"}],\n  "scripts"'), content);
    assert.deepEqual(JSON.parse(mergePackageJson('{}', wanted).content).dependencies, { openai: '7.59.0', zod: '4.6.7' });
  });

  test('running the merge on its own output changes nothing', () => {
    const once = mergePackageJson('{\n  "name": "x"\n}\n', wanted).content;
    assert.equal(mergePackageJson(once, wanted).content, once);
  });
});

describe('package.json layout and odd files', () => {
  test('jsonLayout finds each top-level member and its value exactly', () => {
    const text = '\uFEFF{ "a" : 1, "b\\"c": {"x": "}"}, "d": [1, [2]] }';
    const { members, rootEnd } = jsonLayout(text);
    assert.deepEqual(members.map((member) => [member.key, text.slice(member.start, member.valueEnd)]), [
      ['a', '"a" : 1'],
      ['b"c', '"b\\"c": {"x": "}"}'],
      ['d', '"d": [1, [2]]'],
    ]);
    assert.deepEqual(members.map((member) => text.slice(member.valueStart, member.valueEnd)), ['1', '{"x": "}"}', '[1, [2]]']);
    assert.equal(text[rootEnd], '}');
  });

  test('a byte order mark is kept, and a minified file stays on one line', () => {
    const withBom = mergePackageJson('\uFEFF{\n  "name": "b"\n}\n', wanted).content;
    assert.ok(withBom.startsWith('\uFEFF{\n  "name": "b",\n  "scripts": {'), withBom);
    const minified = mergePackageJson('{"name":"min","scripts":{"test":"x"}}', wanted).content;
    assert.equal(minified, '{"name":"min","scripts":{"test":"x","test:ai":"node --test"},"dependencies":{"openai":"7.59.0","zod":"4.6.7"},"devDependencies":{"typescript":"7.0.2"}}');
  });
});

describe('.gitignore merge', () => {
  test('adds only missing lines in one marked block, CRLF and no final newline respected', () => {
    const merged = mergeGitignore('node_modules\r\n.env', secrets);
    assert.equal(merged, 'node_modules\r\n.env\r\n\r\n# >>> create-secure-ai-app >>>\r\n# Added by create-secure-ai-app: keeps secrets and local files out of git.\r\n.env.*\r\n!.env.example\r\n# <<< create-secure-ai-app <<<\r\n');
    assert.equal(mergeGitignore(merged, secrets), merged);
  });

  test('a negation goes after the pattern it excepts, even if the file has it earlier', () => {
    assert.deepEqual(missingPatterns('!.env.example\n.env\n', secrets), ['.env.*', '!.env.example']);
    assert.deepEqual(missingPatterns('.env*\n', secrets), ['.env', '.env.*', '!.env.example']);
  });

  test('a block in a file with mixed line endings, its end marker with trailing spaces, grows in place', () => {
    const text = 'node_modules\r\ndist\n\n# >>> create-secure-ai-app >>>\n.env\n# <<< create-secure-ai-app <<<  \nlast\n';
    const merged = mergeGitignore(text, secrets);
    assert.equal(merged, 'node_modules\r\ndist\n\n# >>> create-secure-ai-app >>>\n.env\n.env.*\n!.env.example\n# <<< create-secure-ai-app <<<  \nlast\n');
    assert.equal(mergeGitignore(merged, secrets), merged);
  });

  test('a later run grows the existing block instead of adding another', () => {
    const first = mergeGitignore('x\n', [{ title: 's', patterns: ['.env'] }]);
    const second = mergeGitignore(first, secrets);
    assert.equal(second.split('# >>> create-secure-ai-app >>>').length, 2);
    assert.match(second, /\.env\n\.env\.\*\n!\.env\.example\n# <<< create-secure-ai-app <<<\n$/);
  });
});

describe('.env.example merge', () => {
  test('appends only unlisted keys with their comment; listed, commented-out and exported keys count', () => {
    const text = '# db\nDATABASE_URL=postgres://x\n# AI_MODEL=gpt\nexport LOG_LEVEL=debug\n';
    const merged = mergeEnvExample(text, ['DATABASE_URL', 'AI_MODEL', 'LOG_LEVEL', 'AI_TIMEOUT_MS'].map(variable));
    assert.equal(merged, `${text}\n# Added by create-secure-ai-app. Copy to .env and fill in; never commit .env.\n# About AI_TIMEOUT_MS. Optional.\nAI_TIMEOUT_MS=\n`);
    assert.equal(mergeEnvExample(merged, [variable('AI_TIMEOUT_MS')]), merged);
  });
});

describe('.env reading', () => {
  test('yields the names of keys with a value, and nothing of the values', () => {
    const keys = keysWithValues('A=secret-value\nexport B = "x"\nEMPTY=\nQUOTED=""\n# C=commented\nbad line\nD= # set me\nE=""  # later\nF=a#b\nG=\'\' \n');
    assert.deepEqual([...keys].sort(), ['A', 'B', 'F']);
    assert.ok(![...keys].some((key) => key.includes('secret')));
  });
});

describe('import relocation', () => {
  const moved = new Map([
    ['src/ai/client.ts', 'lib/secure-ai/ai/client.ts'],
    ['src/config/env.ts', 'lib/secure-ai/config/env.ts'],
    ['test/support/env.ts', 'lib/secure-ai/checks/support/env.ts'],
  ]);
  const source = "import { x } from '../src/ai/client.ts';\nexport * from './support/env.ts';\nimport '../src/config/env.ts';\nconst y = await import('../src/ai/client.ts');\nimport z from 'zod';\n";

  test('points every relative import at the moved file, in the project style', () => {
    const out = relocateImports(source, 'test/a.test.ts', 'lib/secure-ai/checks/a.check.ts', moved, 'js');
    assert.equal(out, "import { x } from '../ai/client.js';\nexport * from './support/env.js';\nimport '../config/env.js';\nconst y = await import('../ai/client.js');\nimport z from 'zod';\n");
    assert.match(relocateImports(source, 'test/a.test.ts', 'lib/secure-ai/checks/a.check.ts', moved, 'none'), /from '\.\.\/ai\/client';/);
    assert.match(relocateImports(source, 'test/a.test.ts', 'lib/secure-ai/checks/a.check.ts', moved, 'ts'), /from '\.\.\/ai\/client\.ts';/);
  });

  test('an import of a file that does not move is a bug, not a silent dangling import', () => {
    assert.throws(() => relocateImports("import './gone.ts';", 'src/a.ts', 'x/a.ts', moved, 'ts'), /not part of the added files/);
  });
});

describe('unified diff', () => {
  test('shows removals before additions with context and hunk headers', () => {
    const diff = unifiedDiff('f', 'a\nb\nc\n', 'a\nB\nc\nd\n');
    assert.equal(diff, '--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n');
    assert.equal(unifiedDiff('f', 'same\n', 'same\n'), '');
    assert.match(unifiedDiff('f', undefined, 'new\n'), /^--- \/dev\/null\n\+\+\+ b\/f\n@@ -0,0 \+1 @@\n\+new\n$/);
  });

  test('a missing final newline is shown the way diff -u shows it', () => {
    assert.equal(unifiedDiff('f', 'a\nb', 'a\nb\nc\n'), '--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n');
    assert.equal(unifiedDiff('f', 'a', 'a\n'), '--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n');
  });

  test('very large files fall back to a whole-file replacement instead of a huge table', () => {
    const big = (prefix: string) => `${Array.from({ length: 2_100 }, (_, index) => `${prefix}${index}`).join('\n')}\n`;
    const diff = unifiedDiff('f', big('a'), big('b'));
    assert.equal(diff.split('\n').filter((line) => line.startsWith('-a')).length, 2_100);
    assert.equal(diff.split('\n').filter((line) => line.startsWith('+b')).length, 2_100);
  });
});
