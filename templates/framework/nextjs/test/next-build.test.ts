import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { childEnv } from './support/env.ts';
import { PROJECT_ROOT } from './support/project-root.ts';
import { providerShape } from './support/provider-shape.ts';
import { SENTINEL, assertNoSentinel } from './support/sentinel.ts';

// `next build` in a copy of the project (inside it, so node_modules resolves, and
// gitignored), with the sentinel key in the build's environment.
const COPY = join(PROJECT_ROOT, '.next-build-test', String(process.pid));
const NEXT_BIN = join(PROJECT_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const BUILD_TIMEOUT_MS = 300_000;

before(async () => {
  await rm(COPY, { recursive: true, force: true });
  await mkdir(COPY, { recursive: true });
  for (const entry of ['src', 'next.config.ts', 'tsconfig.json', 'tsconfig.next.json', 'package.json']) {
    await cp(join(PROJECT_ROOT, entry), join(COPY, entry), { recursive: true });
  }
});
after(() => rm(join(PROJECT_ROOT, '.next-build-test'), { recursive: true, force: true }));

function nextBuild(): Promise<{ code: number | null; output: string }> {
  const env = childEnv({
    HOME: process.env['HOME'],
    [providerShape.keyEnv]: SENTINEL,
    [providerShape.baseUrlEnv]: 'https://api.example.com/v1',
    ...providerShape.requiredEnv,
  });
  const child = spawn(process.execPath, [NEXT_BIN, 'build'], { cwd: COPY, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function* filesUnder(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

test('a build with the key in its environment ships it nowhere under .next, static files included', { timeout: BUILD_TIMEOUT_MS }, async () => {
  const { code, output } = await nextBuild();
  assert.equal(code, 0, output.slice(-4000));
  assertNoSentinel(output, 'build output');
  let staticFiles = 0;
  for await (const file of filesUnder(join(COPY, '.next'))) {
    const name = file.slice(COPY.length + 1);
    if (name.startsWith(join('.next', 'static'))) staticFiles += 1;
    assertNoSentinel(await readFile(file, 'latin1'), name);
  }
  assert.ok(staticFiles > 0, 'the build wrote files under .next/static');
});

test('a Client Component importing the server AI module fails the build (server-only)', { timeout: BUILD_TIMEOUT_MS }, async () => {
  const leak = join(COPY, 'src', 'app', 'leak');
  await mkdir(leak, { recursive: true });
  await writeFile(
    join(leak, 'leak.tsx'),
    "'use client';\nimport { serverContext } from '../../server/context.ts';\nexport function Leak() {\n  return <p>{typeof serverContext}</p>;\n}\n",
  );
  await writeFile(join(leak, 'page.tsx'), "import { Leak } from './leak.tsx';\nexport default function Page() {\n  return <Leak />;\n}\n");
  const { code, output } = await nextBuild();
  assert.notEqual(code, 0, 'the build should have failed');
  assert.match(output, /server-only/);
});
