import type { Options } from '../options/schema.ts';
import { DENO_SECRETLINT } from '../layers/deno.ts';
import { auditCommand, frozenInstallCommand, localBinCommand, nodePackageManager, scriptRunner } from '../util/package-manager.ts';
import { PYTHON_COMMANDS, PYTHON_SCANNER } from '../util/python-commands.ts';
import type { ProjectCommands } from './project-commands.ts';

/**
 * GitHub Actions pinned to full commit SHAs (a tag can be moved to other code; a SHA
 * cannot). The generated Dependabot config proposes updates to these.
 */
export const PINNED_ACTIONS = {
  checkout: { sha: '08c6903cd8c0fde910a37f88322edcfb5dd907a8', version: 'v5.0.0' },
  setupNode: { sha: 'a0853c24544627f65ddf259abe73b1d18a591444', version: 'v5.0.0' },
  setupPython: { sha: 'e797f83bcb11b83ae66e0230d6156d7c80228e7c', version: 'v6.0.0' },
} as const;

/** The Node major CI runs generated projects on: the current LTS. */
const CI_NODE_VERSION = '24';
/** The Pythons CI runs generated projects on: the oldest supported and a current one. */
const CI_PYTHON_VERSIONS = ['3.10', '3.13'];
/**
 * Bun and Deno are installed in CI from the npm registry (on the pinned setup-node),
 * at the versions the generator's own matrix tests with.
 */
export const CI_RUNTIME_PACKAGES = { bun: 'bun@1.4.5', deno: 'deno@2.9.6' } as const;
/** pip-audit is installed in CI only, pinned like everything else. */
const PIP_AUDIT_VERSION = '2.9.0';

/** What the CI workflow, Dependabot and the pre-commit hook need to know of the project. */
export function ciContextFor(options: Options, commands: ProjectCommands) {
  const pm = options.packageManager;
  if (pm === 'pip') {
    return {
      actions: PINNED_ACTIONS,
      python: { versions: CI_PYTHON_VERSIONS },
      summary: 'install the pinned dependencies, lint, test and scan for secrets',
      prepare: [],
      installStep: 'Install the project and its pinned dependencies',
      install: PYTHON_COMMANDS.install,
      checkStep: 'Lint, test and scan for secrets',
      check: commands.check,
      auditStep: 'Audit dependencies (known vulnerabilities)',
      // --skip-editable: the project itself is not on the package index.
      audit: `python -m pip install pip-audit==${PIP_AUDIT_VERSION} && pip-audit --skip-editable`,
      dependabotEcosystem: 'pip',
      scanFiles: `python3 ${PYTHON_SCANNER}`,
    };
  }
  const runner = scriptRunner(pm);
  const usesBun = runner === 'bun';
  return {
    actions: PINNED_ACTIONS,
    node: { version: CI_NODE_VERSION },
    summary: 'install from the lockfile only, type-check, test and scan for secrets',
    // pnpm and yarn come with Node through corepack; Bun and Deno are packages of their own.
    prepare: runner === 'pnpm' || runner === 'yarn' ? ['corepack enable'] : usesBun || runner === 'deno' ? [`npm install --global ${CI_RUNTIME_PACKAGES[runner]}`] : [],
    installStep: 'Install from the lockfile',
    install: frozenInstallCommand(runner),
    checkStep: 'Type-check, test and scan for secrets',
    check: commands.check,
    auditStep: 'Audit dependencies (high and critical)',
    audit: auditCommand(runner),
    // Dependabot has no ecosystem for deno.json: its imports are updated by hand (README).
    dependabotEcosystem: runner === 'deno' ? '' : usesBun ? 'bun' : 'npm',
    scanFiles: runner === 'deno' ? `${DENO_SECRETLINT} --secretlintignore .gitignore` : `${localBinCommand(nodePackageManager(runner), 'secretlint')} --secretlintignore .gitignore`,
  };
}
