import { OPTION_DEFINITIONS, type OptionDefinition } from '../options/definitions.ts';
import { EXIT_CODES } from '../errors.ts';

function signature(definition: OptionDefinition): string {
  const short = definition.short ? `-${definition.short}, ` : '    ';
  const long = definition.kind === 'negatable' ? `--${definition.flag} / --no-${definition.flag}` : `--${definition.flag}`;
  const value =
    definition.kind === 'choice'
      ? ` <${definition.values?.join('|')}>`
      : definition.kind === 'text'
        ? ` <${definition.valueName ?? 'value'}>`
        : '';
  return `${short}${long}${value}`;
}

/** --help, derived from the option table so it cannot drift from what is parsed. */
export function helpText(version: string): string {
  const rows = OPTION_DEFINITIONS.map((definition) => {
    const defaultText = definition.defaultText ? ` (default: ${definition.defaultText})` : '';
    return `  ${signature(definition)}\n          ${definition.description}${defaultText}`;
  });
  return [
    `create-secure-ai-app ${version}`,
    'Scaffold a secure starter for an app that calls an AI API.',
    '',
    'Usage:',
    '  npm create secure-ai-app@latest [directory] -- [options]',
    '  create-secure-ai-app [directory] [options]',
    '  create-secure-ai-app doctor [directory] [options]',
    '',
    'Commands:',
    '  doctor  audit any repository for leaked or exposed AI keys and unsafe AI clients;',
    '          read-only and offline (create-secure-ai-app doctor --help). A project named',
    '          doctor is created with ./doctor.',
    '',
    'Arguments:',
    '  [directory]',
    "          where to create the project; . for the current folder (asked when missing in a terminal)",
    '',
    'Existing projects:',
    '  In a folder that already has a package.json, it adds the module instead: its files go',
    '  under one folder (src/secure-ai/ or secure-ai/), .gitignore, .env.example and package.json',
    '  get only what is missing, .env is never touched, and nothing is committed. The framework',
    '  and package manager are detected (flags override); --dry-run shows every change as a diff;',
    '  with uncommitted changes in git it asks first, or needs --yes without a terminal.',
    '  Adding works for Node.js projects; a folder with only a pyproject.toml is refused.',
    '',
    'Bun and Deno:',
    '  --runtime bun and --runtime deno create TypeScript projects from the same templates as',
    '  Node.js (frameworks none and hono). Bun installs with bun install; Deno with deno install,',
    "  and its deno.json tasks run the app with only the network and variables it needs.",
    '',
    'Python:',
    '  --runtime python creates a pyproject.toml project (Python >= 3.10). Its install step',
    '  finds python3 (or python) on PATH, creates .venv and pip-installs the project into it;',
    '  nothing is installed into the system Python.',
    '',
    'Options:',
    ...rows,
    '',
    'Without a terminal, in CI, or with --yes it never prompts: give the directory and any',
    'option you need as flags; the rest take their defaults. API keys are never asked for:',
    'the project gets a .env.example that names the variables to set.',
    '',
    `Exit codes: 0 ok, ${EXIT_CODES.failure} failure (nothing half-written), ${EXIT_CODES.usage} usage or invalid input,`,
    `            ${EXIT_CODES.conflict} stopped on a conflict, ${EXIT_CODES.cancelled} cancelled.`,
  ].join('\n');
}
