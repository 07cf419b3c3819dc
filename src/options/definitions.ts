import {
  CONFLICT_POLICIES,
  FRAMEWORKS,
  FRAMEWORKS_BY_RUNTIME,
  PACKAGE_MANAGERS,
  PROVIDERS,
  RUNTIMES,
} from './catalog.ts';

/**
 * One entry per command-line option. The argv parser, --help, the schema's error
 * messages and the prompts all read this table, so a flag cannot exist in one place
 * and be missing in another.
 */
export interface OptionDefinition {
  /** Key in the resolved options object (undefined for run-mode switches such as --json). */
  key: string;
  flag: string;
  short?: string;
  kind: 'choice' | 'text' | 'boolean' | 'negatable';
  values?: readonly string[];
  valueName?: string;
  description: string;
  defaultText?: string;
}

const frameworkHelp = Object.entries(FRAMEWORKS_BY_RUNTIME)
  .map(([runtime, frameworks]) => `${runtime}: ${frameworks.join(' ')}`)
  .join('; ');

export const OPTION_DEFINITIONS: readonly OptionDefinition[] = [
  { key: 'runtime', flag: 'runtime', kind: 'choice', values: RUNTIMES, description: 'runtime the project runs on', defaultText: 'node; a prompt starts on the runtime that launched this (bun create, deno)' },
  { key: 'framework', flag: 'framework', kind: 'choice', values: FRAMEWORKS, description: `server framework, or none for a command-line script (${frameworkHelp})`, defaultText: "none, or the existing project's" },
  { key: 'provider', flag: 'provider', kind: 'choice', values: PROVIDERS, description: 'AI provider the client module talks to', defaultText: 'openai' },
  { key: 'name', flag: 'name', kind: 'text', valueName: 'name', description: 'package name (npm naming rules; for python also a valid Python project name)', defaultText: "the directory's base name; an existing project keeps its own" },
  { key: 'packageManager', flag: 'package-manager', kind: 'choice', values: PACKAGE_MANAGERS, description: 'package manager for install and scripts (node: npm pnpm yarn bun; bun: bun; deno: deno; python: pip, into .venv)', defaultText: "bun, deno, python: their own; node: an existing project's lockfile, else the one running this, else npm" },
  { key: 'install', flag: 'install', kind: 'negatable', description: 'install dependencies (bun install, deno install); python: create .venv and pip-install the project (--no-install to skip)', defaultText: 'install' },
  { key: 'git', flag: 'git', kind: 'negatable', description: 'git init and a first commit (--no-git to skip)', defaultText: 'yes for a new project outside a git work tree; never when adding to a project' },
  { key: 'conflict', flag: 'conflict', kind: 'choice', values: CONFLICT_POLICIES, description: 'what to do with files that already exist and differ', defaultText: 'prompt when interactive, else abort' },
  { key: 'yes', flag: 'yes', short: 'y', kind: 'boolean', description: 'accept defaults; never prompt' },
  { key: 'dryRun', flag: 'dry-run', kind: 'boolean', description: 'print the plan (path and action) and write nothing' },
  { key: 'json', flag: 'json', kind: 'boolean', description: 'print one JSON result object on stdout and nothing else there' },
  { key: 'help', flag: 'help', short: 'h', kind: 'boolean', description: 'show this help' },
  { key: 'version', flag: 'version', short: 'v', kind: 'boolean', description: 'show the version' },
];

/** The flag spelling for an options key, for error messages: `framework` -> `--framework`. */
export function flagFor(key: string): string {
  const definition = OPTION_DEFINITIONS.find((option) => option.key === key);
  return definition ? `--${definition.flag}` : key === 'directory' ? 'the [directory] argument' : key;
}
