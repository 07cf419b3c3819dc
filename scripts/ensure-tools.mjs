// The runtimes generated projects run on, kept in .tools/ (from the npm registry, like
// any other package), so the machine's own Node stays what users have:
// - a current LTS Node: generated Node projects need Node >= 22.18, this tool runs on >= 20.12;
// - Bun and Deno, at the versions the generated projects' CI installs (CI_RUNTIME_PACKAGES in
//   src/plan/ci-context.ts; test/unit/repo-hygiene.test.ts keeps the two the same).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const TOOLS = [
  { dir: 'node-lts', spec: 'node@24', bin: 'node', expect: /^v24\./ },
  { dir: 'bun', spec: 'bun@1.4.5', bin: 'bun', expect: /^1\.4\.5$/ },
  { dir: 'deno', spec: 'deno@2.9.6', bin: 'deno', expect: /^deno 2\.9\.6\b/ },
];

function versionOf(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

for (const { dir, spec, bin, expect } of TOOLS) {
  const toolsDir = path.resolve('.tools', dir);
  const binary = path.join(toolsDir, 'node_modules', '.bin', bin);
  const current = existsSync(binary) ? versionOf(binary) : undefined;
  if (current && expect.test(current)) {
    console.log(`${dir}: ${current.split('\n')[0]} in ${path.relative(process.cwd(), toolsDir)}`);
    continue;
  }
  await mkdir(toolsDir, { recursive: true });
  console.log(`${dir}: installing ${spec} into ${toolsDir}`);
  // --foreground-scripts: Bun's and Deno's packages link their binary in a postinstall.
  execFileSync('npm', ['install', '--prefix', toolsDir, '--no-audit', '--no-fund', '--foreground-scripts', spec], { stdio: 'inherit' });
  const installed = versionOf(binary);
  if (!installed || !expect.test(installed)) throw new Error(`${dir}: ${binary} reports ${installed ?? 'nothing'}, expected ${spec}`);
  console.log(`${dir}: ${installed.split('\n')[0]}`);
}
