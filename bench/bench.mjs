// `npm run bench`: our scaffold side by side with create-vite's and bare Node, as
// medians of several runs and as ratios (the machine is noisy: no single timing counts,
// and no test asserts on time). Needs the network once, to install create-vite.
//
//   npm run bench              5 runs per measure
//   BENCH_RUNS=11 npm run bench
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'index.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CREATE_VITE = 'create-vite@9.3.0';
const work = mkdtempSync(path.join(tmpdir(), 'csaa-bench-'));
let counter = 0;
const freshDir = () => path.join(work, `run-${counter++}`);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Wall time and peak memory (GNU time's maximum resident set size) of one run. */
function measure(command, args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  const kib = Number(result.stderr.trim().split('\n').pop());
  return { seconds, mib: kib / 1024 };
}

function repeat(makeRun) {
  const runs = Array.from({ length: RUNS }, () => makeRun());
  return { seconds: median(runs.map((run) => run.seconds)), mib: median(runs.map((run) => run.mib)) };
}

function firstPrompt(cwd, pattern, command) {
  const times = Array.from({ length: RUNS }, () => {
    const out = execFileSync('python3', [path.join(ROOT, 'bench', 'first-output.py'), cwd, pattern, ...command], { encoding: 'utf8' });
    return Number(out.trim());
  });
  return median(times);
}

console.log(`Installing ${CREATE_VITE} into ${work} (once) ...`);
const viteHome = path.join(work, 'vite');
mkdirSync(viteHome);
execFileSync('npm', ['install', '--prefix', viteHome, '--no-audit', '--no-fund', '--silent', CREATE_VITE], { stdio: 'inherit' });
const viteBin = path.join(viteHome, 'node_modules', 'create-vite', 'index.js');

console.log(`Measuring, ${RUNS} runs each ...`);
const bare = repeat(() => measure(process.execPath, ['-e', '0'], work));
const ours = repeat(() => measure(process.execPath, [CLI, freshDir(), '--yes', '--no-install', '--no-git'], work));
const vite = repeat(() => measure(process.execPath, [viteBin, freshDir(), '--template', 'react-ts', '--no-interactive'], work));

const emptyDir = () => {
  const dir = freshDir();
  mkdirSync(dir);
  return dir;
};
const oursPrompt = firstPrompt(emptyDir(), 'Where should the project be created', [process.execPath, CLI]);
const vitePrompt = firstPrompt(emptyDir(), 'Project name', [process.execPath, viteBin]);

// The tarball `npm create` downloads, and what unpacking it costs.
const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const tarball = path.join(work, pack.filename);
const dependencies = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies ?? {}).length;

/** `npm exec` of a package with a new, empty npm cache: what a first `npm create` costs. */
function coldExec(spec, bin, args) {
  const times = Array.from({ length: Math.min(RUNS, 3) }, () => {
    const cache = mkdtempSync(path.join(work, 'cache-'));
    const started = process.hrtime.bigint();
    const result = spawnSync('npm', ['exec', '--yes', '--cache', cache, '--prefer-online', '--package', spec, '--', bin, freshDir(), ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, CI: '1', npm_config_update_notifier: 'false' } });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rmSync(cache, { recursive: true, force: true });
    if (result.status !== 0) throw new Error(`npm exec ${spec} failed:\n${result.stderr}`);
    return seconds;
  });
  return median(times);
}
const oursCold = coldExec(tarball, 'create-secure-ai-app', ['--yes', '--no-install', '--no-git']);
const viteCold = coldExec(CREATE_VITE, 'create-vite', ['--template', 'react-ts', '--no-interactive']);

const s = (seconds) => `${seconds.toFixed(3)} s`;
const x = (value, base) => `${(value / base).toFixed(2)}x`;
const rows = [
  ['measure', 'create-secure-ai-app', CREATE_VITE, 'ours / vite'],
  ['scaffold, no install (median)', `${s(ours.seconds)} (${x(ours.seconds, bare.seconds)} node -e 0)`, `${s(vite.seconds)} (${x(vite.seconds, bare.seconds)} node -e 0)`, x(ours.seconds, vite.seconds)],
  ['time to first prompt (pty)', s(oursPrompt), s(vitePrompt), x(oursPrompt, vitePrompt)],
  ['peak memory (scaffold)', `${ours.mib.toFixed(1)} MiB`, `${vite.mib.toFixed(1)} MiB`, x(ours.mib, vite.mib)],
  ['cold npm exec, empty cache', s(oursCold), s(viteCold), x(oursCold, viteCold)],
  ['packages npm create installs', String(1 + dependencies), '1', ''],
  ['tarball', `${(pack.size / 1024).toFixed(0)} kB packed, ${(pack.unpackedSize / 1024).toFixed(0)} kB unpacked, ${pack.entryCount} files`, '', ''],
];
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
const line = (row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
console.log(`\nnode ${process.version}, bare \`node -e 0\`: ${s(bare.seconds)}, ${bare.mib.toFixed(1)} MiB; ${RUNS} runs, medians\n`);
console.log(line(rows[0]));
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
for (const row of rows.slice(1)) console.log(line(row));

const goals = [
  ['scaffold <= 1.3x node -e 0', ours.seconds / bare.seconds <= 1.3],
  ['first prompt <= 0.15 s', oursPrompt <= 0.15],
  ['peak memory < 50 MiB', ours.mib < 50],
  ['one package installed by npm create', dependencies === 0],
];
console.log(`\ngoals: ${goals.map(([goal, met]) => `${met ? 'met' : 'NOT met'}: ${goal}`).join('; ')}`);
rmSync(work, { recursive: true, force: true });
