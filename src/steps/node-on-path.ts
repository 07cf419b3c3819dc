import { meetsMinimum } from '../util/version.ts';
import { runCommand } from './run-command.ts';

/** The Node.js version a generated project needs (it runs TypeScript directly). */
export const REQUIRED_NODE = { major: 22, minor: 18 } as const;

/**
 * Which `node` the package manager will run the project with is the one on PATH, not
 * necessarily the one running this CLI (`npx -p node@24` and version managers differ).
 * Returns why an install would fail, or undefined when Node is recent enough.
 */
export async function nodeOnPathProblem(cwd: string): Promise<string | undefined> {
  const result = await runCommand('node', ['--version'], { cwd });
  const version = result.output.trim();
  if (!result.ok) return 'node was not found on PATH';
  if (meetsMinimum(version, REQUIRED_NODE)) return undefined;
  return `the project needs Node.js >= ${REQUIRED_NODE.major}.${REQUIRED_NODE.minor} and node on PATH is ${version}`;
}
