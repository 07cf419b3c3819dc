import type { EnvVariable, Layer } from '../layers/define-layer.ts';

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
  const env = [...variables.map((variable) => variable.name), ...layers.flatMap((layer) => layer.libraryEnv ?? [])];
  return { allowNet: [...new Set(net)].join(','), allowEnv: [...new Set(env)].join(',') };
}
