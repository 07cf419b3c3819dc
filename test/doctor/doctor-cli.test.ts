import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { execa } from 'execa';
import { RULES } from '../../src/doctor/rules/index.ts';
import { CLI } from '../support/paths.ts';
import { runCli } from '../support/run-cli.ts';
import { snapshotTree } from '../support/snapshot-tree.ts';
import { fakeKey, makeRepo } from '../support/doctor-repo.ts';

const NO_NETWORK = path.join(import.meta.dirname, '..', 'support', 'no-network.mjs');

const leakyRepo = (key: string) =>
  makeRepo({
    git: true,
    files: {
      '.gitignore': '.env\n.env.*\n!.env.example\n',
      'packages/api/src/ai.ts': `const apiKey = '${key}';\nexport default apiKey;\n`,
    },
  });

/** The built CLI with network use made to fail loudly, in `cwd`. */
const doctor = async (args: readonly string[], cwd: string) => {
  const result = await execa(process.execPath, ['--import', NO_NETWORK, CLI, 'doctor', ...args], { cwd, reject: false, stdin: 'ignore', env: { CI: undefined } });
  assert.doesNotMatch(result.stderr, /NETWORK ATTEMPT/);
  return result;
};

describe('doctor on the command line', () => {
  test('text: each finding with its place, why and fix; the key masked; exit 1; nothing changed on disk', async () => {
    const key = fakeKey('openai-project', 21);
    const root = await leakyRepo(key);
    const before = await snapshotTree(root);
    const result = await doctor([], root);
    assert.equal(result.exitCode, 1, result.stderr);
    assert.match(result.stdout, /^HIGH {2}AI provider key in a file \[hardcoded-key\]$/m);
    assert.match(result.stdout, new RegExp(`^  packages/api/src/ai\\.ts:1:17  OpenAI key sk-proj-…${key.slice(-4)} \\(164 chars\\)$`, 'm'));
    assert.match(result.stdout, /^ {2}Why it matters: .*git history keeps it\.$/m);
    assert.match(result.stdout, /^ {2}How to fix it: Revoke the key/m);
    assert.match(result.stdout, /^1 finding: 1 high, 0 medium, 0 low\.$/m);
    assert.match(result.stdout, /^Failing: at least one finding is low or worse \(--fail-on low\)\.$/m);
    assert.ok(!`${result.stdout}${result.stderr}`.includes(key.slice(8, -4)), 'the key is not printed');
    assert.deepEqual(await snapshotTree(root), before, 'doctor changed nothing, .git included');
  });

  test('--json: one object with the findings, their rule texts and the verdict', async () => {
    const key = fakeKey('anthropic', 22);
    const root = await leakyRepo(key);
    const result = await doctor(['--json', '--fail-on', 'high'], root);
    assert.equal(result.exitCode, 1);
    const report = JSON.parse(result.stdout) as Record<string, unknown> & { findings: Array<Record<string, unknown>> };
    assert.equal(report.ok, true);
    assert.equal(report.command, 'doctor');
    assert.equal(report.directory, root);
    assert.equal(report.scope, 'git');
    assert.equal(report.failOn, 'high');
    assert.equal(report.failed, true);
    assert.deepEqual(report.summary, { low: 0, medium: 0, high: 1, waived: 0 });
    assert.equal(report.findings.length, 1);
    const [finding] = report.findings;
    assert.deepEqual(
      { ...finding, why: typeof finding!.why, fix: typeof finding!.fix },
      { ruleId: 'hardcoded-key', severity: 'high', file: 'packages/api/src/ai.ts', line: 1, column: 17, message: `Anthropic key sk-ant-api03-…${key.slice(-4)} (${key.length} chars)`, title: 'AI provider key in a file', why: 'string', fix: 'string' },
    );
    assert.ok(!result.stdout.includes(key.slice(13, -4)));
  });

  test('--format sarif: SARIF 2.1.0 with every rule and paths from the top of the work tree', async () => {
    const key = fakeKey('google', 23);
    const root = await leakyRepo(key);
    const result = await doctor(['packages/api', '--format', 'sarif'], root);
    assert.equal(result.exitCode, 1);
    const sarif = JSON.parse(result.stdout) as { version: string; runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string; properties: Record<string, unknown> }> } }; results: Array<Record<string, any>> }> };
    assert.equal(sarif.version, '2.1.0');
    const [run] = sarif.runs;
    assert.deepEqual(run!.tool.driver.rules.map((rule) => rule.id), RULES.map((rule) => rule.id));
    assert.equal(run!.tool.driver.rules[0]!.properties['security-severity'], '8.0');
    assert.equal(run!.results.length, 1);
    const [result0] = run!.results;
    assert.equal(result0!.ruleId, 'hardcoded-key');
    assert.equal(result0!.level, 'error');
    assert.equal(run!.tool.driver.rules[result0!.ruleIndex]!.id, 'hardcoded-key');
    assert.deepEqual(result0!.locations[0].physicalLocation, { artifactLocation: { uri: 'packages/api/src/ai.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 17 } });
    assert.ok(!result.stdout.includes(key.slice(4, -4)));
  });

  test('text: rules with findings are listed worst first; --fail-on high passes on medium and low', async () => {
    const root = await makeRepo({
      git: true,
      files: {
        'ai.ts': "import OpenAI from 'openai';\nconst client = new OpenAI();\nconsole.log(process.env);\nexport const ask = (q: string) => client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: q }] });\n",
      },
    });
    const all = await doctor([], root);
    const order = [...all.stdout.matchAll(/^(HIGH|MEDIUM|LOW) {2}.*\[([a-z-]+)\]$/gm)].map((match) => match[2]);
    assert.deepEqual(order, ['logs-secret', 'gitignore-env', 'client-without-timeout', 'call-without-output-cap']);
    assert.equal(all.exitCode, 1);
    const withoutTheHigh = await makeRepo({ git: true, files: { 'ai.ts': "import OpenAI from 'openai';\nexport const client = new OpenAI();\n" } });
    const gated = await doctor(['--fail-on', 'high', '--json'], withoutTheHigh);
    assert.equal(gated.exitCode, 0);
    const report = JSON.parse(gated.stdout);
    assert.deepEqual([report.failed, report.summary], [false, { low: 0, medium: 2, high: 0, waived: 0 }]);
    assert.equal((await doctor(['--fail-on', 'medium'], withoutTheHigh)).exitCode, 1);
  });

  test('a clean folder exits 0; outside git it says so', async () => {
    const root = await makeRepo({ files: { '.gitignore': '.env\n.env.*\n!.env.example\n', 'src/index.ts': "console.log('hello');\n" } });
    const result = await doctor(['.'], root);
    assert.equal(result.exitCode, 0, result.stdout);
    assert.match(result.stdout, /not a git work tree/);
    assert.match(result.stdout, /^No findings\.$/m);
  });

  test('an ignored folder inside a work tree is not reported clean in silence', async () => {
    const root = await makeRepo({ git: true, files: { '.gitignore': 'vendor/\n' }, untracked: { 'vendor/lib/a.js': 'x\n' } });
    const result = await doctor(['vendor'], root);
    assert.equal(result.exitCode, 0);
    assert.match(result.stdout, /^Not checked: git lists no files here: the folder is empty or ignored by git, so nothing was audited$/m);
  });

  test('usage errors exit 2 and name the problem; with --json the error is the one JSON object', async () => {
    const root = await makeRepo({ files: { 'file.txt': 'x\n' } });
    const cases: Array<[string[], RegExp]> = [
      [['--frobnicate'], /doctor has no option "--frobnicate"/],
      [['missing-folder'], /there is no directory "missing-folder" to audit/],
      [['file.txt'], /"file.txt" is a file; doctor audits a directory/],
      [['--format', 'xml'], /--format must be one of text, json, sarif; got "xml"/],
      [['--fail-on', 'critical'], /--fail-on must be one of low, medium, high; got "critical"/],
      [['--format', 'sarif', '--json'], /--json and --format "sarif" disagree/],
      [['a', 'b'], /doctor audits one directory, got 2/],
      [['--fail-on', 'low', '--fail-on', 'high'], /--fail-on was given more than once/],
    ];
    for (const [args, message] of cases) {
      const result = await doctor(args, root);
      assert.equal(result.exitCode, 2, args.join(' '));
      if (args.includes('--json')) {
        // Asked for JSON: the error is the one object on stdout, stderr stays empty.
        assert.match(JSON.parse(result.stdout).error.message, message);
        assert.equal(result.stderr, '');
      } else {
        assert.match(result.stderr, message);
        assert.equal(result.stdout, '');
      }
    }
    const json = await doctor(['missing-folder', '--json'], root);
    assert.equal(json.exitCode, 2);
    assert.deepEqual(JSON.parse(json.stdout).error.code, 'usage');
  });

  test('--help lists every rule; the main --help names the command', async () => {
    const root = await makeRepo({ files: {} });
    const help = await doctor(['--help'], root);
    assert.equal(help.exitCode, 0);
    for (const rule of RULES) assert.match(help.stdout, new RegExp(`^  ${rule.id} +${rule.severity} +${rule.title.replace(/[.()]/g, '\\$&')}$`, 'm'));
    const main = await runCli(['--help'], { cwd: root });
    assert.match(main.stdout, /^ {2}doctor {2}audit any repository/m);
  });

  test('a lone -- before the command is ignored, as bun create and pnpm create pass it', async () => {
    const root = await makeRepo({ files: {} });
    await writeFile(path.join(root, 'a.txt'), 'x\n');
    const result = await execa(process.execPath, [CLI, '--', 'doctor', '--json'], { cwd: root, reject: false });
    assert.equal(JSON.parse(result.stdout).command, 'doctor');
  });
});
