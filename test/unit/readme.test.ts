import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { FRAMEWORKS, PROVIDERS, RUNTIMES } from '../../src/options/catalog.ts';
import { OPTION_DEFINITIONS } from '../../src/options/definitions.ts';
import { EXIT_CODES } from '../../src/errors.ts';
import { REPO_ROOT } from '../support/paths.ts';

test('the README documents every flag, value and exit code the CLI has', async () => {
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  for (const option of OPTION_DEFINITIONS) assert.ok(readme.includes(`\`--${option.flag}\``), `--${option.flag}`);
  for (const value of [...RUNTIMES, ...FRAMEWORKS, ...PROVIDERS]) assert.ok(readme.includes(`\`${value}\``), value);
  for (const code of new Set(Object.values(EXIT_CODES))) assert.match(readme, new RegExp(`^\\| ${code} \\|`, 'm'));
});

test('the README lists every doctor rule with its severity', async () => {
  const { RULES } = await import('../../src/doctor/rules/index.ts');
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  for (const rule of RULES) assert.match(readme, new RegExp(`^\\| \`${rule.id}\` \\| ${rule.severity} \\|`, 'm'), rule.id);
});
