import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { envKeys } from '../src/config/env.ts';
import { PROJECT_ROOT } from './support/project-root.ts';

const SECRET_NAME = /(KEY|SECRET|TOKEN|PASSWORD)$/;
// A variable may be listed set (`NAME=`) or commented out (`# NAME=default`).
const VARIABLE_LINE = /^(?:#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/;

interface Entry {
  key: string;
  value: string;
  explained: boolean;
}

function parseEnvExample(): Entry[] {
  const lines = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8').split(/\r?\n/);
  const entries: Entry[] = [];
  for (const [index, line] of lines.entries()) {
    const match = VARIABLE_LINE.exec(line);
    if (!match) continue;
    const above = lines[index - 1] ?? '';
    const explained = above.startsWith('#') && !VARIABLE_LINE.test(above);
    entries.push({ key: match[1] ?? '', value: (match[2] ?? '').trim(), explained });
  }
  return entries;
}

test('.env.example lists exactly the variables the schema knows', () => {
  const keys = parseEnvExample().map(({ key }) => key);
  assert.equal(new Set(keys).size, keys.length, 'a variable is listed twice');
  assert.deepEqual([...keys].sort(), [...envKeys].sort());
});

test('.env.example leaves every secret empty', () => {
  for (const { key, value } of parseEnvExample()) {
    if (SECRET_NAME.test(key)) assert.equal(value, '', `${key} must be empty in .env.example`);
  }
});

test('.env.example explains every variable with a comment line above it', () => {
  for (const { key, explained } of parseEnvExample()) assert.ok(explained, `${key} has no comment`);
});
