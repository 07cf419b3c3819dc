import type { PackageManager, Runtime } from './catalog.ts';
import { PACKAGE_MANAGERS } from './catalog.ts';

/**
 * Whether Bun or Deno started us. `bun create` runs our bin with Node (its shebang)
 * and, in some versions, sets no npm user agent: `npm_execpath` still names the bun
 * binary. Under `bun --bun` or `deno run npm:...`, process.versions says it.
 */
function launcherOf(env: NodeJS.ProcessEnv, versions: NodeJS.ProcessVersions): 'bun' | 'deno' | undefined {
  const agent = env.npm_config_user_agent?.split(' ')[0]?.split('/')[0];
  const execBinary = env.npm_execpath?.split(/[\\/]/).pop()?.replace(/\.exe$/i, '');
  if (agent === 'bun' || execBinary === 'bun' || 'bun' in versions) return 'bun';
  if (agent === 'deno' || 'deno' in versions) return 'deno';
  return undefined;
}

/**
 * The package manager that launched us: `pnpm create` sets npm_config_user_agent to
 * "pnpm/9.1.0 npm/? node/v22 linux x64"; Bun and Deno are recognized by their own
 * marks too (launcherOf).
 */
export function detectPackageManager(
  env: NodeJS.ProcessEnv,
  versions: NodeJS.ProcessVersions = process.versions,
): PackageManager | undefined {
  const launcher = launcherOf(env, versions);
  if (launcher) return launcher;
  const agent = env.npm_config_user_agent?.split(' ')[0]?.split('/')[0];
  if (agent && (PACKAGE_MANAGERS as readonly string[]).includes(agent)) return agent as PackageManager;
  return undefined;
}

/**
 * The runtime the runtime question starts on: Bun after `bun create`, Deno under Deno.
 * Only a suggestion for the prompt; without prompts the default stays node.
 */
export function suggestedRuntime(env: NodeJS.ProcessEnv, versions: NodeJS.ProcessVersions = process.versions): Runtime {
  return launcherOf(env, versions) ?? 'node';
}
