import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { callArguments, namedArguments, splitTopLevel } from '../../src/doctor/rules/code/arguments.ts';
import { valueImports } from '../../src/doctor/rules/code/imports.ts';
import { lexJs, lexPython } from '../../src/doctor/rules/code/lex.ts';
import { isSourceFile, type SourceView } from '../../src/doctor/rules/code/source-files.ts';

/** Collapses runs of blanks, so expectations read as code. */
const squash = (text: string) => text.replace(/[ ]+/g, ' ').trim();

const jsView = (text: string): SourceView => ({ file: 'a.ts', language: 'js', text, ...lexJs(text) });
const pyView = (text: string): SourceView => ({ file: 'a.py', language: 'python', text, ...lexPython(text) });

describe('lexing JS/TS', () => {
  test('comments are blank in both views, string contents in the skeleton only, lengths kept', () => {
    const text = "const a = 'x(,'; // new OpenAI()\n/* console.log(process.env) */ call(\"y\", `t ${process.env.KEY} u`);";
    const { code, skeleton } = lexJs(text);
    assert.equal(code.length, text.length);
    assert.equal(skeleton.length, text.length);
    assert.equal(code.split('\n').length, 2);
    assert.equal(squash(code), "const a = 'x(,'; \n call(\"y\", `t ${process.env.KEY} u`);");
    assert.equal(squash(skeleton), "const a = ' '; \n call(\" \", ` ${process.env.KEY} `);");
  });

  test('regex literals are literals, divisions are not', () => {
    assert.equal(squash(lexJs("const r = /'(/g; f(r)").skeleton), 'const r = / /g; f(r)');
    assert.equal(squash(lexJs("const half = a / 2; const s = 'b' / 1;").skeleton), "const half = a / 2; const s = ' ' / 1;");
    assert.equal(squash(lexJs('return /x"/.test(y)').skeleton), 'return / /.test(y)');
  });

  test('nested templates and braces inside template expressions', () => {
    const { skeleton } = lexJs('`a ${ {k: `b ${c}`}.k } d` + f()');
    assert.equal(squash(skeleton), '` ${ {k: ` ${c}`}.k } ` + f()');
  });

  test('an unterminated string stops at its line', () => {
    assert.equal(lexJs("<p>don't</p>\nconsole.log(x)").skeleton.split('\n')[1], 'console.log(x)');
  });
});

describe('lexing Python', () => {
  test('comments, docstrings, prefixed strings and f-string expressions', () => {
    const text = 'x = rb"a(" # OpenAI()\n"""\nprint(os.environ)\n"""\nprint(f"k={os.environ[\'K\']} {{lit}}")';
    const { code, skeleton } = lexPython(text);
    assert.equal(skeleton.length, text.length);
    assert.ok(!code.includes('OpenAI()'));
    assert.ok(code.includes('print(os.environ)'), 'a docstring stays in code');
    assert.ok(!skeleton.includes('print(os.environ)'), 'but not in the skeleton');
    assert.equal(squash(skeleton.split('\n')[4]!), 'print(f" {os.environ[\' \']} ")');
  });
});

describe('arguments and imports', () => {
  test('balanced arguments ignore brackets in strings; named values see literals, spreads and kwargs', () => {
    const view = jsView("new OpenAI({ apiKey: ')', 'timeout': 5, ...rest }, second)");
    const args = callArguments(view, view.text.indexOf('('))!;
    assert.equal(view.text.slice(args.start, args.end), "{ apiKey: ')', 'timeout': 5, ...rest }, second");
    assert.equal(splitTopLevel(view.skeleton, args).length, 2);
    const named = namedArguments(view, args)!;
    assert.deepEqual([...named.values.keys()], ['apiKey', 'timeout']);
    assert.equal(named.opaque, true);
    const timeout = named.values.get('timeout')!;
    assert.equal(view.code.slice(timeout.start, timeout.end), '5');
    assert.equal(namedArguments(view, { start: view.text.indexOf('second'), end: view.text.indexOf('second') + 6 }), undefined, 'a variable is not a literal');

    const python = pyView('OpenAI(api_key=k, timeout=httpx.Timeout(30, connect=5), **extra)');
    const kwargs = namedArguments(python, callArguments(python, python.text.indexOf('('))!)!;
    assert.deepEqual([...kwargs.values.keys()], ['api_key', 'timeout']);
    assert.equal(kwargs.opaque, true);
  });

  test('value imports, with type-only ones left out', () => {
    const js = jsView(
      [
        "import OpenAI from 'openai';",
        "import type { Message } from '@anthropic-ai/sdk';",
        "import { type A, type B } from 'groq-sdk';",
        "import { type C, D } from 'cohere-ai';",
        "const r = require('replicate');",
        "export * from '@google/genai';",
        "const s = \"import x from 'fake'\";",
      ].join('\n'),
    );
    assert.deepEqual([...valueImports(js).keys()].sort(), ['@google/genai', 'cohere-ai', 'openai', 'replicate']);
    const py = pyView('import os, openai as oa\nfrom anthropic.types import Message\nfrom . import local\n');
    assert.deepEqual([...valueImports(py).keys()].sort(), ['anthropic', 'openai', 'os']);
  });

  test('which files are source', () => {
    for (const file of ['a.ts', 'b.tsx', 'c.mjs', 'd.cts', 'e.vue', 'f.svelte', 'g.astro', 'h.py', 'i.jsx']) assert.equal(isSourceFile(file), true, file);
    for (const file of ['a.d.ts', 'b.d.mts', 'vendor.min.js', 'c.json', 'd.md', 'e.pyc']) assert.equal(isSourceFile(file), false, file);
  });
});
