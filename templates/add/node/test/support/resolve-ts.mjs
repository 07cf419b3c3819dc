// Loaded with `node --import` by the test:ai script, for projects whose own compiler
// or bundler runs this module. It lets Node run the TypeScript sources directly:
// - imports are written the project's way (`./client.js` or `./client`), which Node
//   cannot resolve to client.ts on its own, so such an import is retried with `.ts`;
// - the files are ES modules even where the project's package.json says CommonJS
//   (the project's build compiles them to whatever it uses).
import { registerHooks } from 'node:module';

const RELATIVE = /^\.{1,2}\//;
/** This module's folder: the hook changes nothing outside it. */
const MODULE_ROOT = new URL('../../', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    let resolved;
    try {
      resolved = nextResolve(specifier, context);
    } catch (error) {
      if (!RELATIVE.test(specifier) || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
      resolved = nextResolve(`${specifier.replace(/\.js$/, '')}.ts`, context);
    }
    const ours = resolved.url.startsWith(MODULE_ROOT) && resolved.url.endsWith('.ts');
    return ours ? { ...resolved, format: 'module-typescript' } : resolved;
  },
});
