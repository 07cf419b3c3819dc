import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../src/config/env.ts';
import { readDenoJson, runCommandOf } from './support/deno-json.ts';
import { PROJECT_ROOT } from './support/project-root.ts';
import { providerShape } from './support/provider-shape.ts';

/** Read by the SDK itself while its client is built (Anthropic's custom headers); Deno must allow it. */
const SDK_VARIABLES = new Set(['ANTHROPIC_CUSTOM_HEADERS']);

/** The tasks that run the app; `dev` adds --watch. */
const APP_TASKS = ['start', 'dev'] as const;
const APP_FLAGS = new Set(['--no-prompt', '--allow-net', '--allow-env', '--env-file']);

const flagName = (flag: string) => flag.split('=')[0] ?? flag;
const flagList = (flags: readonly string[], name: string): string[] => {
  const matching = flags.filter((flag) => flagName(flag) === name);
  assert.equal(matching.length, 1, `${name} must be given once, with a value`);
  const value = matching[0]!.slice(name.length + 1);
  assert.match(value, /\S/, `${name} without a list grants everything`);
  const items = value.split(',');
  assert.equal(new Set(items).size, items.length, `${name} lists an entry twice`);
  return items;
};

// `.env.example` lists every variable of the schema (env-example.test.ts), set or commented out.
const exampleVariables = (): string[] =>
  readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8')
    .split(/\r?\n/)
    .flatMap((line) => /^(?:#\s*)?([A-Z][A-Z0-9_]*)=/.exec(line)?.[1] ?? []);

test('deno.json imports every package from npm at an exact version, never from jsr', () => {
  const manifest = readDenoJson();
  const imports = Object.entries(manifest.imports ?? {});
  assert.ok(imports.length > 0);
  for (const [name, specifier] of imports) {
    const exact = new RegExp(`^npm:${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}@\\d+\\.\\d+\\.\\d+(-[\\w.]+)?$`);
    assert.match(specifier, exact, `${name} -> ${specifier} is not an exact npm: version`);
  }
  assert.doesNotMatch(readFileSync(join(PROJECT_ROOT, 'deno.json'), 'utf8'), /jsr:/);
  assert.notEqual(manifest.lock, false, 'deno.lock must stay on');
});

test('the app tasks grant only the listed network and variables, no files, no prompts', () => {
  for (const task of APP_TASKS) {
    const { flags } = runCommandOf(task);
    for (const flag of flags) {
      const allowed = APP_FLAGS.has(flagName(flag)) || (task === 'dev' && flag === '--watch');
      assert.ok(allowed, `${task}: ${flag} is more than the app needs`);
    }
    assert.ok(flags.includes('--no-prompt'), `${task}: a missing permission must fail, not ask`);
    assert.ok(flags.includes('--env-file=.env'), `${task}: the variables come from .env`);
    for (const forbidden of ['-A', '--allow-all', '--allow-read', '--allow-write', '--allow-run', '--allow-sys', '--allow-ffi', '--allow-import']) {
      assert.ok(!flags.some((flag) => flagName(flag) === forbidden), `${task}: ${forbidden}`);
    }
  }
  const withoutWatch = (task: string) => runCommandOf(task).flags.filter((flag) => flag !== '--watch');
  assert.deepEqual(withoutWatch('dev'), withoutWatch('start'), 'dev and start grant the same');
  assert.equal(runCommandOf('dev').entry, runCommandOf('start').entry);
});

test('--allow-net: one provider host and, for a server, its default listen address', () => {
  const hosts = flagList(runCommandOf('start').flags, '--allow-net');
  for (const host of hosts) {
    assert.match(host, /^[a-z0-9.-]+(:\d+)?$/i, `${host} is not one host`);
    assert.doesNotMatch(host, /^0\.0\.0\.0(:|$)/, `${host} is every address`);
  }
  // The defaults come from the schema itself: HOST and PORT exist only for servers.
  const defaults = loadConfig({ [providerShape.keyEnv]: 'x', [providerShape.baseUrlEnv]: 'https://api.example.com/v1', ...providerShape.requiredEnv }) as Record<string, unknown>;
  const listen = defaults['HOST'] === undefined ? [] : [`${String(defaults['HOST'])}:${String(defaults['PORT'])}`];
  for (const address of listen) assert.ok(hosts.includes(address), `the server cannot listen on ${address}`);
  assert.equal(hosts.filter((host) => !listen.includes(host)).length, 1, `one provider host, not ${hosts.join(', ')}`);
});

test('--allow-env: the variables of .env.example, plus only what the SDK reads itself', () => {
  const allowed = flagList(runCommandOf('start').flags, '--allow-env');
  const example = exampleVariables();
  assert.ok(example.length > 0);
  for (const name of example) assert.ok(allowed.includes(name), `${name} is in .env.example but the app may not read it`);
  for (const name of allowed.filter((item) => !example.includes(item))) {
    assert.ok(SDK_VARIABLES.has(name), `${name} is neither in .env.example nor read by the SDK`);
  }
});
