import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from './support/project-root.ts';

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

interface Manifest {
  engines?: { bun?: string };
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface Bunfig {
  env?: unknown;
  install?: { exact?: unknown; auto?: unknown };
}

const manifest = () => JSON.parse(read('package.json')) as Manifest;

test('package.json pins every dependency exactly and sets engines.bun', () => {
  const { engines, dependencies, devDependencies } = manifest();
  assert.match(engines?.bun ?? '', /\d/, 'engines.bun is missing');
  const all = { ...dependencies, ...devDependencies };
  assert.ok(Object.keys(all).length > 0);
  for (const [name, version] of Object.entries(all)) {
    assert.match(version, /^\d+\.\d+\.\d+(-[\w.]+)?$/, `${name}@${version} is not an exact version`);
  }
});

test('package.json runs no install scripts of its own', () => {
  const scripts = manifest().scripts ?? {};
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
    assert.equal(scripts[hook], undefined, `${hook} script present`);
  }
});

test('start and dev read .env and no other env file', () => {
  const scripts = manifest().scripts ?? {};
  for (const name of ['start', 'dev']) {
    const script = scripts[name] ?? '';
    assert.match(script, /^bun (--watch )?--env-file=\.env \S+$/, `${name}: ${script}`);
  }
});

test('bunfig.toml keeps installs exact, installs nothing on the fly, loads no env file and holds no credentials', () => {
  const text = read('bunfig.toml');
  const config = Bun.TOML.parse(text) as Bunfig;
  assert.equal(config.install?.exact, true);
  assert.equal(config.install?.auto, 'disable');
  assert.equal(config.env, false);
  for (const line of text.split(/\r?\n/)) {
    const key = /^\s*([^#\s=[][^=]*?)\s*=/.exec(line)?.[1];
    if (key) assert.doesNotMatch(key, /registry|scopes|token|password|username|_auth|cafile|keyfile/i, `${key} looks like a credential or a registry`);
  }
});
