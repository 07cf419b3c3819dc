import type { Layer } from '../layers/define-layer.ts';
import { dependenciesOf, sortedKeys } from './package-json.ts';

/**
 * The generated deno.json, as data: every import an exact `npm:` version (Deno needs
 * no package.json; `deno install` fills node_modules and writes deno.lock), the tasks,
 * and the same strictness as the Node projects' tsconfig.json.
 */
export function denoJsonFor(layers: readonly Layer[], tasks: Record<string, string>): string {
  const { dependencies, devDependencies } = dependenciesOf(layers);
  const imports = Object.fromEntries(Object.entries({ ...dependencies, ...devDependencies }).map(([name, version]) => [name, `npm:${name}@${version}`]));
  const manifest = {
    nodeModulesDir: 'auto',
    imports: sortedKeys(imports),
    tasks,
    compilerOptions: {
      strict: true,
      noUncheckedIndexedAccess: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      verbatimModuleSyntax: true,
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
