import type { Layer, ScriptContext } from '../layers/define-layer.ts';
import { VERSIONS } from '../layers/versions.ts';

const sortedKeys = (record: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/**
 * The generated package.json, built as data and serialized with JSON.stringify so no
 * value can break out of its string. Dependencies are the layers' exact pins.
 */
export function packageJsonFor(name: string, layers: readonly Layer[], scriptContext: ScriptContext): string {
  const dependencies: Record<string, string> = {};
  const devDependencies: Record<string, string> = {};
  const scripts: Record<string, string> = {};
  for (const layer of layers) {
    Object.assign(dependencies, layer.dependencies);
    Object.assign(devDependencies, layer.devDependencies);
    Object.assign(scripts, layer.scripts?.(scriptContext));
  }
  const manifest = {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    engines: { node: VERSIONS.node },
    scripts,
    dependencies: sortedKeys(dependencies),
    devDependencies: sortedKeys(devDependencies),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
