import type { Layer, ScriptContext } from '../layers/define-layer.ts';

export const sortedKeys = (record: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** Package scripts of the project; a later layer (the framework) overrides an earlier one. */
export function scriptsFor(layers: readonly Layer[], scriptContext: ScriptContext): Record<string, string> {
  return Object.assign({}, ...layers.map((layer) => layer.scripts?.(scriptContext) ?? {}));
}

/** Every layer's exact pins, runtime and development ones apart. */
export function dependenciesOf(layers: readonly Layer[]): { dependencies: Record<string, string>; devDependencies: Record<string, string> } {
  const dependencies: Record<string, string> = {};
  const devDependencies: Record<string, string> = {};
  for (const layer of layers) {
    Object.assign(dependencies, layer.dependencies);
    Object.assign(devDependencies, layer.devDependencies);
  }
  return { dependencies, devDependencies };
}

/**
 * The generated package.json, built as data and serialized with JSON.stringify so no
 * value can break out of its string. Dependencies are the layers' exact pins.
 */
export function packageJsonFor(name: string, layers: readonly Layer[], scripts: Record<string, string>): string {
  const { dependencies, devDependencies } = dependenciesOf(layers);
  const manifest = {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: Object.assign({}, ...layers.map((layer) => layer.engines ?? {})) as Record<string, string>,
    scripts,
    dependencies: sortedKeys(dependencies),
    devDependencies: sortedKeys(devDependencies),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
