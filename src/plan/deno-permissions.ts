import type { EnvVariable, Layer } from '../layers/define-layer.ts';
import type { Options } from '../options/schema.ts';
import type { DenoReadmeContext } from './template-context.ts';

/**
 * What a Deno project's app tasks may touch: the provider's host and, for servers, the
 * default listen address (HOST:PORT); the schema's variables plus the few the SDK
 * reads by itself. Anything else fails closed (Deno's NotCapable).
 */
export function denoPermissionsFor(layers: readonly Layer[], variables: readonly EnvVariable[]): { allowNet: string; allowEnv: string } {
  const defaultOf = (name: string) => variables.find((variable) => variable.name === name)?.default;
  const host = defaultOf('HOST');
  const port = defaultOf('PORT');
  const listen = host !== undefined && port !== undefined ? [`${host}:${port}`] : [];
  const net = [...layers.flatMap((layer) => layer.hosts ?? []), ...listen];
  const env = [...variables.map((variable) => variable.name), ...libraryEnvOf(layers)];
  return { allowNet: [...new Set(net)].join(','), allowEnv: [...new Set(env)].join(',') };
}

const libraryEnvOf = (layers: readonly Layer[]) => layers.flatMap((layer) => layer.libraryEnv ?? []);

/** What the README's Permissions section says of those tasks (template-context.ts). */
export function denoReadmeContextFor(options: Options, layers: readonly Layer[], variables: readonly EnvVariable[]): DenoReadmeContext {
  return {
    ...denoPermissionsFor(layers, variables),
    libraryEnv: libraryEnvOf(layers),
    // The variables that point the app at another host: the provider's base URL.
    hostVariables: variables.filter((variable) => variable.name.endsWith('_BASE_URL')).map((variable) => variable.name),
    userEndpoint: options.provider === 'openai-compatible',
  };
}
