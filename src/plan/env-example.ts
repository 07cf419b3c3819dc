import { ENV_GROUP_ORDER, type EnvGroup, type EnvVariable, type Layer } from '../layers/define-layer.ts';

const GROUP_TITLES: Record<EnvGroup, string> = {
  provider: 'AI provider',
  ai: 'Limits for every AI request',
  server: 'HTTP server',
  logging: 'Logging',
};

/** Every variable of the project, in the order .env.example and the README list them. */
export function envVariablesOf(layers: readonly Layer[]): EnvVariable[] {
  const variables = layers.flatMap((layer) => layer.env ?? []);
  return ENV_GROUP_ORDER.flatMap((group) => variables.filter((variable) => variable.group === group));
}

/** One variable as `.env.example` lists it: its comment, then the name with an empty value. */
export function envVariableLines(variable: EnvVariable): string[] {
  const status = variable.required ? 'Required.' : variable.default === undefined ? 'Optional.' : `Default: ${variable.default === '' ? '(empty)' : variable.default}.`;
  return [`# ${variable.description} ${status}`, `${variable.name}=`];
}

/**
 * `.env.example`: every variable, one comment each, secrets always empty, defaults
 * commented out so the app's own defaults stay the single source of them.
 */
export function envExampleFor(variables: readonly EnvVariable[]): string {
  const lines = [
    '# Copy to .env and fill in. .env is gitignored: never commit it, never paste keys in code.',
    '# Variables left empty or commented out take the default shown.',
  ];
  for (const group of ENV_GROUP_ORDER) {
    const inGroup = variables.filter((variable) => variable.group === group);
    if (inGroup.length === 0) continue;
    lines.push('', `# --- ${GROUP_TITLES[group]} ---`);
    lines.push(...inGroup.flatMap(envVariableLines));
  }
  return `${lines.join('\n')}\n`;
}
