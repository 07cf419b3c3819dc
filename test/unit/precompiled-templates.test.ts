import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import Handlebars from 'handlebars';
import { COMPILE_OPTIONS, sourceHash, type PrecompiledTemplates } from '../../src/templates/render.ts';
import { CLI, TEMPLATES } from '../support/paths.ts';

// The build compiles every .hbs template (scripts/build.mjs); a run uses a compiled one
// only when its source hash matches, but a package must not ship stale ones.
test('the build compiled every .hbs template, from its current source', async () => {
  const built = (await import(pathToFileURL(path.join(path.dirname(CLI), 'precompiled-templates.mjs')).href)) as { default: PrecompiledTemplates };
  const sources = (await readdir(TEMPLATES, { recursive: true })).filter((file) => file.endsWith('.hbs')).map((file) => file.split(path.sep).join('/'));
  assert.ok(sources.length > 0);
  assert.deepEqual(Object.keys(built.default).sort(), sources.sort());
  for (const name of sources) {
    const source = await readFile(path.join(TEMPLATES, name), 'utf8');
    assert.equal(built.default[name]!.sha1, sourceHash(source), `${name} is compiled from its current source`);
    // With the options a run compiles with (strict, no escaping): the same code.
    const main = (built.default[name]!.spec as unknown as { main: () => string }).main;
    assert.ok(String(Handlebars.precompile(source, COMPILE_OPTIONS)).includes(String(main)), `${name} is compiled with COMPILE_OPTIONS`);
  }
});
