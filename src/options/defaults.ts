import type { PackageManager } from './catalog.ts';
import { PACKAGE_MANAGERS } from './catalog.ts';

/**
 * The package manager that launched us: `pnpm create` sets npm_config_user_agent to
 * "pnpm/9.1.0 npm/? node/v22 linux x64", and Bun sets process.versions.bun even when
 * it sets no user agent.
 */
export function detectPackageManager(
  env: NodeJS.ProcessEnv,
  versions: NodeJS.ProcessVersions = process.versions,
): PackageManager | undefined {
  const agent = env.npm_config_user_agent?.split(' ')[0]?.split('/')[0];
  if (agent && (PACKAGE_MANAGERS as readonly string[]).includes(agent)) return agent as PackageManager;
  if ('bun' in versions) return 'bun';
  return undefined;
}
