import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from './support/project-root.ts';

const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');

interface Manifest {
  engines?: { node?: string };
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

test('package.json pins every dependency exactly and sets engines', () => {
  const manifest = JSON.parse(read('package.json')) as Manifest;
  assert.match(manifest.engines?.node ?? '', /\d/, 'engines.node is missing');
  const all = { ...manifest.dependencies, ...manifest.devDependencies };
  assert.ok(Object.keys(all).length > 0);
  for (const [name, version] of Object.entries(all)) {
    assert.match(version, /^\d+\.\d+\.\d+(-[\w.]+)?$/, `${name}@${version} is not an exact version`);
  }
});

test('package.json runs no install scripts of its own', () => {
  const scripts = (JSON.parse(read('package.json')) as Manifest).scripts ?? {};
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
    assert.equal(scripts[hook], undefined, `${hook} script present`);
  }
});

test('.npmrc pins exact saves, enforces engines and holds no credentials', () => {
  const entries = new Map<string, string>();
  for (const line of read('.npmrc').split(/\r?\n/)) {
    const match = /^\s*([^#;=\s][^=]*?)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) entries.set(match[1]!, match[2]!);
  }
  assert.equal(entries.get('save-exact'), 'true');
  assert.equal(entries.get('engine-strict'), 'true');
  assert.equal(entries.get('audit-level'), 'high');
  for (const key of entries.keys()) {
    assert.doesNotMatch(key, /_auth|token|password|username|email|certfile|keyfile/i, `${key} looks like a credential`);
  }
});
