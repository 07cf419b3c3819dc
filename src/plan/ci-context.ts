import type { Options } from '../options/schema.ts';
import { auditCommand, frozenInstallCommand, localBinCommand, runScript } from '../util/package-manager.ts';

/**
 * GitHub Actions pinned to full commit SHAs (a tag can be moved to other code; a SHA
 * cannot). The generated Dependabot config proposes updates to these.
 */
export const PINNED_ACTIONS = {
  checkout: { sha: '08c6903cd8c0fde910a37f88322edcfb5dd907a8', version: 'v5.0.0' },
  setupNode: { sha: 'a0853c24544627f65ddf259abe73b1d18a591444', version: 'v5.0.0' },
} as const;

/** The Node major CI runs generated projects on: the current LTS. */
const CI_NODE_VERSION = '24';

/** What the CI workflow, Dependabot and the pre-commit hook need to know of the project. */
export function ciContextFor(options: Options) {
  const pm = options.packageManager;
  return {
    actions: PINNED_ACTIONS,
    node: { version: CI_NODE_VERSION },
    // pnpm and yarn come with Node through corepack; bun is a package of its own.
    prepare: pm === 'pnpm' || pm === 'yarn' ? ['corepack enable'] : pm === 'bun' ? ['npm install --global bun'] : [],
    install: frozenInstallCommand(pm),
    check: runScript(pm, 'check'),
    audit: auditCommand(pm),
    dependabotEcosystem: pm === 'bun' ? 'bun' : 'npm',
    scanFiles: `${localBinCommand(pm, 'secretlint')} --secretlintignore .gitignore`,
  };
}
