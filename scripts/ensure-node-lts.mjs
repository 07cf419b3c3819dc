// Generated projects need Node >= 22.18 while this tool runs on Node >= 20.12. The tests
// install and check generated projects with a current LTS Node kept in .tools/ (from the
// npm registry, like any other package), so the machine's own Node stays what users have.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const LTS_MAJOR = '24';
const toolsDir = path.resolve('.tools/node-lts');
const nodeBin = path.join(toolsDir, 'node_modules', '.bin', 'node');

function versionOf(binary) {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

const current = existsSync(nodeBin) ? versionOf(nodeBin) : undefined;
if (current?.startsWith(`v${LTS_MAJOR}.`)) {
  console.log(`node-lts: ${current} in ${path.relative(process.cwd(), toolsDir)}`);
} else {
  await mkdir(toolsDir, { recursive: true });
  console.log(`node-lts: installing node@${LTS_MAJOR} into ${toolsDir}`);
  execFileSync('npm', ['install', '--prefix', toolsDir, '--no-audit', '--no-fund', '--foreground-scripts', `node@${LTS_MAJOR}`], { stdio: 'inherit' });
  console.log(`node-lts: ${versionOf(nodeBin)}`);
}
