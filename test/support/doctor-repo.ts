import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { audit, type Audit } from '../../src/doctor/audit.ts';
import { RULES } from '../../src/doctor/rules/index.ts';
import { tempDir } from './temp-dir.ts';

/**
 * Realistic fake keys, built at run time so this repository's own sources hold no
 * key-shaped string (secret scanners and push protection would stop them, rightly).
 * Deterministic: the same seed gives the same key.
 */
export function fakeKey(shape: 'openai-project' | 'openai-legacy' | 'anthropic' | 'google' | 'groq' | 'huggingface' | 'sk-generic', seed = 1): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // mulberry32: small, and random enough in its low bits that every seed gives a key-like token.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = (length: number, chars = alphabet) => Array.from({ length }, () => chars[Math.floor(next() * chars.length)]).join('');
  const sk = ['s', 'k', '-'].join('');
  switch (shape) {
    case 'openai-project':
      return `${sk}proj-${random(156)}`;
    case 'openai-legacy':
      return `${sk}${random(20)}${'T3Blbk'}FJ${random(20)}`;
    case 'anthropic':
      return `${sk}ant-api03-${random(93)}-${random(6)}AA`;
    case 'google':
      return `${'AI'}za${random(35)}`;
    case 'groq':
      return `${'gs'}k_${random(52)}`;
    case 'huggingface':
      return `${'h'}f_${random(34, alphabet.slice(0, 52))}`;
    case 'sk-generic':
      return `${sk}${random(48)}`;
  }
}

export interface RepoSpec {
  /** Path -> content, written before anything else. */
  files: Record<string, string>;
  /** `git init` and commit every file (default: no git). */
  git?: boolean;
  /** With git: written after the commit and not added (a local `.env`, a new file). */
  untracked?: Record<string, string>;
  /** With git: files committed and then deleted in a later commit (so only history has them). */
  removedFromHistory?: Record<string, string>;
}

/** Git in `cwd` with a throwaway identity and no signing, as fixtures need; its stdout. */
export const gitIn = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' }).toString();

async function writeFiles(root: string, files: Record<string, string>) {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
}

/** A throwaway folder (or git repository) holding exactly `spec`. */
export async function makeRepo(spec: RepoSpec): Promise<string> {
  const root = await tempDir('csaa-doctor-');
  if (spec.git) gitIn(root, 'init', '-q', '-b', 'main');
  if (spec.git && spec.removedFromHistory) {
    await writeFiles(root, spec.removedFromHistory);
    gitIn(root, 'add', '-A', '-f');
    gitIn(root, 'commit', '-q', '-m', 'old');
    gitIn(root, 'rm', '-q', '--cached', '-r', '--', ...Object.keys(spec.removedFromHistory));
    gitIn(root, 'commit', '-q', '-m', 'removed');
    for (const file of Object.keys(spec.removedFromHistory)) await rm(path.join(root, file));
  }
  await writeFiles(root, spec.files);
  if (spec.git) {
    // -f: a fixture may commit a file its own .gitignore ignores (a tracked .env).
    gitIn(root, 'add', '-A', '-f');
    gitIn(root, 'commit', '-q', '--allow-empty', '-m', 'fixture');
  }
  await writeFiles(root, spec.untracked ?? {});
  return root;
}

/** Audits `spec` with only the named rule (or every rule), returning the audit. */
export async function auditRepo(spec: RepoSpec, ruleId?: string): Promise<Audit> {
  const rules = ruleId ? RULES.filter((rule) => rule.id === ruleId) : RULES;
  if (ruleId && rules.length !== 1) throw new Error(`no rule ${ruleId}`);
  return audit(await makeRepo(spec), rules);
}
