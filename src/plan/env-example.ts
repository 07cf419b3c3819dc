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
    for (const variable of inGroup) {
      const status = variable.required ? 'Required.' : variable.default === undefined ? 'Optional.' : `Default: ${variable.default === '' ? '(empty)' : variable.default}.`;
      lines.push(`# ${variable.description} ${status}`);
      lines.push(`${variable.name}=`);
    }
  }
  return `${lines.join('\n')}\n`;
}
