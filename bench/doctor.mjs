// `npm run bench:doctor`: how long `doctor` takes on a repository of 10,000 files, in
// git and as a plain folder, next to `git grep` reading the same files (the floor for
// any scan that looks at every byte). Medians of several runs, and ratios; nothing here
// is a test, and no test asserts on time. Offline.
//
//   npm run bench:doctor                 5 runs, 10,000 files
//   BENCH_RUNS=9 BENCH_FILES=50000 npm run bench:doctor
//   BENCH_KEEP=1 npm run bench:doctor     keep the repositories, print where
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'index.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FILES = Number(process.env.BENCH_FILES ?? 10_000);
const work = mkdtempSync(path.join(tmpdir(), 'csaa-doctor-bench-'));

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A source file of about 3 kB, like the code the rules read (imports, calls, logging). */
function sourceFile(index) {
  const body = Array.from({ length: 40 }, (_, line) => `export function handler${index}_${line}(input: string): string {\n  console.log('request', input.length, ${line});\n  return input.trim();\n}\n`).join('');
  return `import { z } from 'zod';\n// Module ${index}: generated for the doctor benchmark.\n${body}`;
}

/** The repository: TypeScript, Python and Markdown in nested folders, a lockfile, a few findings. */
function makeRepository(root) {
  for (let index = 0; index < FILES; index += 1) {
    const folder = path.join(root, 'packages', `pkg-${index % 50}`, 'src', `area-${index % 7}`);
    mkdirSync(folder, { recursive: true });
    const kind = index % 10;
    const file = kind < 7 ? `module-${index}.ts` : kind < 9 ? `module_${index}.py` : `notes-${index}.md`;
    writeFileSync(path.join(folder, file), kind < 7 ? sourceFile(index) : kind < 9 ? `import os\n\n\ndef handler_${index}(value: str) -> str:\n    return value.strip()\n`.repeat(20) : `# Notes ${index}\n\nSet OPENAI_API_KEY=sk-... in .env.\n`.repeat(30));
  }
  writeFileSync(path.join(root, '.gitignore'), '.env\n.env.*\n!.env.example\nnode_modules/\n');
  writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'bench' }, 'node_modules/openai': { version: '4.104.0' } } }, null, 2));
  // Findings, so the report path is exercised: a key built at run time, a client without a timeout.
  writeFileSync(path.join(root, 'packages', 'pkg-1', 'src', 'leak.ts'), `import OpenAI from 'openai';\nconst client = new OpenAI({ apiKey: '${['s', 'k', '-', 'proj-'].join('')}${'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z'.repeat(4)}' });\nexport default client;\n`);
}

function run(command, args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return { seconds, mib: Number(result.stderr.trim().split('\n').pop()) / 1024, stdout: result.stdout };
}

function repeat(command, args, cwd) {
  const runs = Array.from({ length: RUNS }, () => run(command, args, cwd));
  return { seconds: median(runs.map((one) => one.seconds)), mib: median(runs.map((one) => one.mib)), stdout: runs[0].stdout };
}

try {
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const gitRepo = path.join(work, 'git');
  const folder = path.join(work, 'folder');
  for (const root of [gitRepo, folder]) {
    mkdirSync(root);
    makeRepository(root);
  }
  const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: gitRepo, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');

  const inGit = repeat(process.execPath, [CLI, 'doctor', '--json'], gitRepo);
  const inFolder = repeat(process.execPath, [CLI, 'doctor', '--json'], folder);
  const grep = repeat('git', ['grep', '-I', '-c', '-E', 'sk-|process\\.env|new OpenAI'], gitRepo);
  const nodeAlone = repeat(process.execPath, ['-e', '0'], gitRepo);
  const report = JSON.parse(inGit.stdout);

  console.log(`doctor on ${report.filesScanned} files (node ${process.version}, ${RUNS} runs, medians); findings: ${report.findings.map((finding) => finding.ruleId).join(', ') || 'none'}`);
  console.log('| measure                          | time     | peak memory | ratio to git grep |');
  console.log('|----------------------------------|----------|-------------|-------------------|');
  const row = (label, measured) => console.log(`| ${label.padEnd(32)} | ${measured.seconds.toFixed(3)} s  | ${measured.mib.toFixed(1).padStart(6)} MiB  | ${(measured.seconds / grep.seconds).toFixed(1).padStart(16)}x |`);
  row('doctor, git work tree', inGit);
  row('doctor, plain folder (walked)', inFolder);
  row('git grep over the same files', grep);
  row('node -e 0', nodeAlone);
} finally {
  // BENCH_KEEP=1 leaves the repositories for profiling (`node --cpu-prof dist/index.mjs doctor`).
  if (process.env.BENCH_KEEP) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
